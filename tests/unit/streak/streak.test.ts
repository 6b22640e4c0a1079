// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, weekStartOf } from '../../../lib/db/day-key';
import type { DayKey } from '../../../lib/db/schemas';
import { epochDay } from '../../../lib/streak/epoch-days';
import { computeStreak, REPAIR_SPACING_WEEKS } from '../../../lib/streak/streak';

/** Week 0 is the current week (Monday 2026-11-16); week n is n weeks earlier. */
const TODAY = '2026-11-20';
const MONDAY = weekStartOf(TODAY);
const mondayOf = (weeksAgo: number) => addDays(MONDAY, -7 * weeksAgo);
const weeksBetween = (from: DayKey, to: DayKey) => (epochDay(to) - epochDay(from)) / 7;

/** A history written as a string, newest week first: `x` met, `.` missed, a digit that many contributions. */
function history(pattern: string, today: DayKey = TODAY): Map<DayKey, number> {
  const weeks = new Map<DayKey, number>();
  [...pattern].forEach((mark, weeksAgo) => {
    const count = mark === 'x' ? 1 : mark === '.' ? 0 : Number(mark);
    if (count > 0) weeks.set(addDays(weekStartOf(today), -7 * weeksAgo), count);
  });
  return weeks;
}

describe('computeStreak', () => {
  it('counts consecutive weeks that met the goal, this week included once it is met', () => {
    const streak = computeStreak(history('xxx.'), TODAY, 1);
    expect(streak.weeks).toBe(3);
    expect(streak.since).toBe(mondayOf(2));
    expect(streak.repaired).toEqual([]);
    expect(streak.thisWeek).toEqual({ monday: MONDAY, contributions: 1, goal: 1, met: true });
  });

  it('does not break while the current week is open', () => {
    const streak = computeStreak(history('.xxx..'), TODAY, 1);
    expect(streak.weeks).toBe(3);
    expect(streak.thisWeek.met).toBe(false);
  });

  it('repairs a single missed week and shows it as repaired', () => {
    const streak = computeStreak(history('xx.xx..'), TODAY, 1);
    expect(streak.weeks).toBe(5);
    expect(streak.repaired).toEqual([mondayOf(2)]);
  });

  it('repairs last week while the current week is still open', () => {
    expect(computeStreak(history('..xx..'), TODAY, 1)).toMatchObject({ weeks: 3, repaired: [mondayOf(1)] });
  });

  it('repairs at most one missed week in any 12', () => {
    // Misses 2 and 13 weeks ago are 11 weeks apart: the second one ends the streak.
    const close = computeStreak(history('xx.xxxxxxxxxx.xx'), TODAY, 1);
    expect(close).toMatchObject({ weeks: 13, repaired: [mondayOf(2)], since: mondayOf(12) });
    // 12 weeks apart: both are repaired.
    const spaced = computeStreak(history('xx.xxxxxxxxxxx.xx'), TODAY, 1);
    expect(spaced).toMatchObject({ weeks: 17, repaired: [mondayOf(2), mondayOf(14)] });
  });

  it('never repairs two missed weeks in a row', () => {
    expect(computeStreak(history('xx..xxx'), TODAY, 1)).toMatchObject({ weeks: 2, repaired: [] });
  });

  it('needs the weekly goal, not just any contribution', () => {
    expect(computeStreak(history('3322'), TODAY, 3).weeks).toBe(2);
    expect(computeStreak(history('3322'), TODAY, 2).weeks).toBe(4);
  });

  it('is zero without contributions', () => {
    expect(computeStreak(new Map(), TODAY, 1)).toMatchObject({ weeks: 0, repaired: [], since: undefined });
  });

  it('runs across ISO week 53 into the next year as one week after the other', () => {
    // 2020 and 2026 have 53 ISO weeks; a year of weekly thanks from week 1 to week 53 is 53 weeks.
    const years: Array<[DayKey, DayKey]> = [
      ['2019-12-30', '2021-01-03'],
      ['2025-12-29', '2027-01-03'],
    ];
    for (const [firstMonday, lastSunday] of years) {
      const weeks = new Map<DayKey, number>();
      for (let week = firstMonday; week <= lastSunday; week = addDays(week, 7)) weeks.set(week, 1);
      const streak = computeStreak(weeks, lastSunday, 1);
      expect(streak.weeks).toBe(53);
      expect(streak.since).toBe(firstMonday);
      // Into the next year: week 1 of the new year continues the streak.
      weeks.set(addDays(lastSunday, 1), 1);
      expect(computeStreak(weeks, addDays(lastSunday, 1), 1).weeks).toBe(54);
    }
  });
});

const GOAL = fc.integer({ min: 1, max: 3 });
/** Up to two years of weekly counts, newest first, mostly around the goal so that misses and repairs occur. */
const WEEKS = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 110 });
const DAY_IN_WEEK = fc.integer({ min: 0, max: 6 });

function mapOf(counts: readonly number[], today: DayKey): Map<DayKey, number> {
  const weeks = new Map<DayKey, number>();
  counts.forEach((count, weeksAgo) => {
    if (count > 0) weeks.set(addDays(weekStartOf(today), -7 * weeksAgo), count);
  });
  return weeks;
}

describe('computeStreak, for any history', () => {
  it('keeps repaired weeks at least 12 weeks apart, each a real miss between two weeks of the streak', () => {
    fc.assert(
      fc.property(WEEKS, GOAL, (counts, goal) => {
        const weeks = mapOf(counts, TODAY);
        const { repaired, since, weeks: length } = computeStreak(weeks, TODAY, goal);
        for (let i = 1; i < repaired.length; i++) {
          expect(weeksBetween(repaired[i] as DayKey, repaired[i - 1] as DayKey)).toBeGreaterThanOrEqual(
            REPAIR_SPACING_WEEKS,
          );
        }
        for (const week of repaired) {
          expect(weeks.get(week) ?? 0).toBeLessThan(goal);
          expect(weeks.get(addDays(week, -7)) ?? 0).toBeGreaterThanOrEqual(goal);
          expect(since !== undefined && week > since).toBe(true);
        }
        expect(repaired.length).toBeLessThanOrEqual(Math.ceil(length / REPAIR_SPACING_WEEKS));
      }),
    );
  });

  it('spans exactly the weeks from its first to its last, each met or repaired', () => {
    fc.assert(
      fc.property(WEEKS, GOAL, (counts, goal) => {
        const weeks = mapOf(counts, TODAY);
        const streak = computeStreak(weeks, TODAY, goal);
        if (streak.weeks === 0) {
          expect(streak.since).toBeUndefined();
          return;
        }
        const last = streak.thisWeek.met ? MONDAY : addDays(MONDAY, -7);
        expect(weeksBetween(streak.since as DayKey, last) + 1).toBe(streak.weeks);
        for (let week = streak.since as DayKey; week <= last; week = addDays(week, 7)) {
          const met = (weeks.get(week) ?? 0) >= goal;
          expect(met || streak.repaired.includes(week)).toBe(true);
        }
        // The week before the first is a miss the rule could not repair.
        expect(weeks.get(addDays(streak.since as DayKey, -7)) ?? 0).toBeLessThan(goal);
      }),
    );
  });

  it('never gets shorter when the user contributes more', () => {
    fc.assert(
      fc.property(WEEKS, GOAL, fc.nat(), fc.integer({ min: 1, max: 3 }), (counts, goal, at, extra) => {
        const before = computeStreak(mapOf(counts, TODAY), TODAY, goal).weeks;
        const more = [...counts, 0];
        const index = at % more.length;
        more[index] = (more[index] ?? 0) + extra;
        expect(computeStreak(mapOf(more, TODAY), TODAY, goal).weeks).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('is never broken by the open current week: meeting the goal in it adds exactly one week', () => {
    fc.assert(
      fc.property(WEEKS, GOAL, DAY_IN_WEEK, (counts, goal, weekday) => {
        const today = addDays(MONDAY, weekday);
        const open = computeStreak(mapOf([0, ...counts.slice(1)], today), today, goal);
        const met = computeStreak(mapOf([goal, ...counts.slice(1)], today), today, goal);
        expect(met.weeks).toBe(open.weeks + 1);
        expect(met.repaired).toEqual(open.repaired);
      }),
    );
  });

  it('gives the same answer on every day of the week', () => {
    fc.assert(
      fc.property(WEEKS, GOAL, DAY_IN_WEEK, (counts, goal, weekday) => {
        const weeks = mapOf(counts, TODAY);
        expect(computeStreak(weeks, addDays(MONDAY, weekday), goal)).toEqual(
          computeStreak(weeks, MONDAY, goal),
        );
      }),
    );
  });
});
