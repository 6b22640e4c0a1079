/**
 * What counts toward the streak: a thank-you given, a Working Out Loud post, or a weekly circle log
 * (DESIGN.md "Streak and stats"). Thanks received are shown in the totals but never counted: the streak
 * rewards what the user does, not what others do. A weekly log counts on the day it was written, the
 * only day the daily aggregate knows.
 */
import type { DailyAggregate, DayKey } from '../db/schemas';
import { dayKeyOfEpochDay, epochDay, mondayOf } from './epoch-days';

export type DayCounts = Pick<DailyAggregate, 'thanksGiven' | 'wolPosts' | 'weeklyLogs'>;

export function contributionsOf(row: DayCounts): number {
  return row.thanksGiven + row.wolPosts + row.weeklyLogs;
}

/** Contributions per day; days without any are left out. */
export function contributionsByDay(rows: readonly DailyAggregate[]): Map<DayKey, number> {
  const byDay = new Map<DayKey, number>();
  for (const row of rows) {
    const count = contributionsOf(row);
    if (count > 0) byDay.set(row.day, (byDay.get(row.day) ?? 0) + count);
  }
  return byDay;
}

/** Contributions per week, keyed by the week's Monday; weeks without any are left out. */
export function contributionsByWeek(byDay: ReadonlyMap<DayKey, number>): Map<DayKey, number> {
  const byWeek = new Map<DayKey, number>();
  // Rows come sorted by day: the Monday is worked out once per week, not once per day.
  let weekStart = Number.NaN;
  let monday = '';
  for (const [day, count] of byDay) {
    const n = epochDay(day);
    if (!(n >= weekStart && n < weekStart + 7)) {
      weekStart = mondayOf(n);
      monday = dayKeyOfEpochDay(weekStart);
    }
    byWeek.set(monday, (byWeek.get(monday) ?? 0) + count);
  }
  return byWeek;
}
