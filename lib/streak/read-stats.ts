/**
 * What the popup shows, computed from the daily aggregate (one small row per day with activity, read by
 * read-first-frame.ts) so that five years of history cost the same as one week. Only "people thanked
 * most" reads records: the latest year's, through the `day` index and with a cap.
 */
import type { RueckenwindDb } from '../db/database';
import { addDays } from '../db/day-key';
import type { Totals } from '../db/reads';
import type { DailyAggregate, DayKey } from '../db/schemas';
import { contributionsByDay } from './contributions';
import { buildHeatmap, type Heatmap } from './heatmap';
import { computeStreak, type Streak } from './streak';
import { peopleThankedMost, type ThankedPerson } from './top-people';
import { sumTotals } from './totals';

export interface Stats {
  today: DayKey;
  streak: Streak;
  heatmap: Heatmap;
  thisWeek: Totals;
  /** The calendar year so far. */
  thisYear: Totals;
}

/**
 * `rows`: the daily aggregate of the days shown (at least the heatmap's and this year's); `weeks`: the
 * contributions per week of all time, keyed by Monday, for the streak.
 */
export function statsOf(
  rows: readonly DailyAggregate[],
  weeks: ReadonlyMap<DayKey, number>,
  today: DayKey,
  weeklyGoal: number,
): Stats {
  const streak = computeStreak(weeks, today, weeklyGoal);
  return {
    today,
    streak,
    heatmap: buildHeatmap(contributionsByDay(rows), today),
    thisWeek: sumTotals(rows, streak.thisWeek.monday, today),
    thisYear: sumTotals(rows, `${today.slice(0, 4)}-01-01`, today),
  };
}

/** Thanks read at most for "people thanked most": enough for a year of daily thanks, never the history. */
export const THANKS_READ_MAX = 1000;

/** The people the user thanked most in the 365 days up to `today`. */
export async function readPeopleThankedMost(
  db: RueckenwindDb,
  today: DayKey,
  limit = 5,
): Promise<ThankedPerson[]> {
  const given = await db.recognitions
    .where('day')
    .between(addDays(today, -364), today, true, true)
    .reverse()
    .filter((rec) => rec.direction === 'given')
    .limit(THANKS_READ_MAX)
    .toArray();
  return peopleThankedMost(given, limit);
}
