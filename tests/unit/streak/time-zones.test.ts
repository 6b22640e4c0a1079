// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayKeyOf, weekStartOf } from '../../../lib/db/day-key';
import type { DayKey } from '../../../lib/db/schemas';
import { contributionsByDay, contributionsByWeek } from '../../../lib/streak/contributions';
import { computeStreak } from '../../../lib/streak/streak';

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Asia/Kolkata',
  'America/Santiago',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'UTC',
];

/** The weeks around daylight-saving changes in both hemispheres, and around New Year, 2020 to 2027. */
const TRICKY_WEEKS = [
  // Berlin: last Sunday of March and October.
  '2025-03-24',
  '2025-10-20',
  '2026-03-23',
  '2026-10-19',
  // New York: second Sunday of March, first Sunday of November.
  '2025-03-03',
  '2025-10-27',
  '2026-03-02',
  '2026-10-26',
  // Sydney: first Sunday of April and October.
  '2025-03-31',
  '2025-09-29',
  '2026-03-30',
  '2026-09-28',
  // ISO week 53 of 2020 and 2026 and the weeks around them.
  '2020-12-21',
  '2020-12-28',
  '2021-01-04',
  '2026-12-21',
  '2026-12-28',
  '2027-01-04',
];

const localWeekday = (epochMs: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(epochMs);

/** An instant within a few days of one of the tricky weeks. */
const instant = fc
  .tuple(fc.constantFrom(...TRICKY_WEEKS), fc.integer({ min: -2 * 86_400_000, max: 9 * 86_400_000 }))
  .map(([monday, offset]) => Date.parse(`${monday}T00:00:00Z`) + offset);

const aggregate = (day: DayKey, thanksGiven: number) => ({
  day,
  thanksGiven,
  thanksReceived: 0,
  wolPosts: 0,
  weeklyLogs: 0,
});

describe('weeks in the user’s time zone', () => {
  it('start on the local Monday, whatever the offset and its changes', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ms, zone) => {
        const day = dayKeyOf(ms, zone);
        const monday = weekStartOf(day);
        const daysIn = Math.round((Date.parse(day) - Date.parse(monday)) / 86_400_000);
        expect(daysIn).toBeGreaterThanOrEqual(0);
        expect(daysIn).toBeLessThan(7);
        expect(localWeekday(ms, zone)).toBe(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][daysIn]);
      }),
    );
  });

  it('keep a streak of daily thanks whole across daylight-saving changes and New Year', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...TRICKY_WEEKS),
        fc.integer({ min: -10, max: 3 }),
        fc.integer({ min: 1, max: 40 }),
        (zone, week, startOffset, days) => {
          // A thank-you every 24 hours at 12:00 UTC: a local time no one-hour clock change moves across
          // midnight in any of the zones, so every instant lands on the next local day.
          const first = Date.parse(`${addDays(week, startOffset)}T12:00:00Z`);
          const rows = Array.from({ length: days }, (_, i) =>
            aggregate(dayKeyOf(first + i * 86_400_000, zone), 1),
          );
          const keys = rows.map((row) => row.day);
          for (let i = 1; i < keys.length; i++) expect(keys[i]).toBe(addDays(keys[i - 1] as DayKey, 1));

          const today = keys.at(-1) as DayKey;
          const streak = computeStreak(contributionsByWeek(contributionsByDay(rows)), today, 1);
          expect(streak.weeks).toBe(new Set(keys.map(weekStartOf)).size);
          expect(streak.since).toBe(weekStartOf(keys[0] as DayKey));
          expect(streak.repaired).toEqual([]);
        },
      ),
    );
  });
});
