/**
 * The weekly streak: consecutive weeks (Monday to Sunday in the user's time zone) that met the weekly
 * goal. Forgiving by design (WOL.md "Streaks"):
 * - the current week is open until Sunday ends: it extends the streak once it meets the goal and
 *   never breaks it before;
 * - a single missed week between two weeks of the streak is repaired automatically, at most one in
 *   any 12 consecutive weeks (two repairs are at least 12 weeks apart). A repaired week counts as a
 *   week of the streak and is shown as repaired.
 * Repairs are assigned from the newest week backwards, which keeps the rule monotonic: contributing
 * more never makes a streak shorter.
 */
import type { DayKey } from '../db/schemas';
import { dayKeyOfEpochDay, epochDay, mondayOf } from './epoch-days';

/** Two repaired weeks are at least this many weeks apart. */
export const REPAIR_SPACING_WEEKS = 12;

export interface Streak {
  /** Weeks in the streak, repaired ones included. 0: no streak. */
  weeks: number;
  /** Mondays of the repaired weeks in the streak, newest first. */
  repaired: DayKey[];
  /** Monday of the streak's first week. */
  since: DayKey | undefined;
  thisWeek: {
    monday: DayKey;
    contributions: number;
    goal: number;
    met: boolean;
  };
}

/**
 * @param byWeek contributions per week, keyed by Monday (see contributionsByWeek)
 * @param today the user's current day, in their time zone
 * @param goal contributions a week needs (Settings.weeklyGoal, at least 1)
 */
export function computeStreak(byWeek: ReadonlyMap<DayKey, number>, today: DayKey, goal: number): Streak {
  const need = Math.max(1, goal);
  // Weeks as the epoch day of their Monday: the loop below may walk back years.
  const counts = new Map<number, number>();
  for (const [week, count] of byWeek) counts.set(epochDay(week), count);
  const met = (week: number) => (counts.get(week) ?? 0) >= need;
  const current = mondayOf(epochDay(today));
  const thisWeek = {
    monday: dayKeyOfEpochDay(current),
    contributions: counts.get(current) ?? 0,
    goal: need,
    met: met(current),
  };

  const repaired: number[] = [];
  let weeks = 0;
  let since: number | undefined;
  // An open current week below the goal is skipped, not counted as missed.
  for (let week = thisWeek.met ? current : current - 7; ; week -= 7) {
    if (!met(week)) {
      const newestRepair = repaired.at(-1);
      const spaced = newestRepair === undefined || newestRepair - week >= 7 * REPAIR_SPACING_WEEKS;
      // Only a miss with a met week before it is bridged; otherwise the streak simply started later.
      if (!spaced || !met(week - 7)) break;
      repaired.push(week);
    }
    weeks += 1;
    since = week;
  }
  return {
    weeks,
    repaired: repaired.map(dayKeyOfEpochDay),
    since: since === undefined ? undefined : dayKeyOfEpochDay(since),
    thisWeek,
  };
}
