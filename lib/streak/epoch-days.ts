/**
 * Day keys as whole days since 1970-01-01, for the loops that run once per day or week of the history
 * on every popup opening: integer steps instead of lib/db/day-key's validating Date round trips,
 * which cost most of the streak's time over five years. Keys come from the database, already valid.
 */
import type { DayKey } from '../db/schemas';

const DAY_MS = 86_400_000;

export function epochDay(day: DayKey): number {
  const ms = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Math.round(ms / DAY_MS);
}

export function dayKeyOfEpochDay(n: number): DayKey {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week of epoch day `n` (1970-01-01 was a Thursday). */
export function mondayOf(n: number): number {
  return n - ((((n + 3) % 7) + 7) % 7);
}
