/**
 * Where a circle stands in its 12 weeks. Week 1 starts on the circle's start date and each week runs
 * seven days from there, so "the week" is the circle's own rhythm, not the calendar's. Arithmetic runs on
 * day keys in UTC, where every day has 24 hours: a daylight-saving change never shifts a week.
 */
import type { DayKey } from '../db/schemas';

export const CIRCLE_WEEKS = 12;
const DAY_MS = 86_400_000;

export type CircleWeek =
  | { kind: 'before'; daysToStart: number }
  | { kind: 'running'; week: number }
  | { kind: 'after' };

function utcMsOf(day: DayKey): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DayKey, to: DayKey): number {
  return Math.round((utcMsOf(to) - utcMsOf(from)) / DAY_MS);
}

/** Week N of 12 on `today`, or that the circle has not started or is over. */
export function circleWeekOn(startDate: DayKey, today: DayKey): CircleWeek {
  const days = daysBetween(startDate, today);
  if (days < 0) return { kind: 'before', daysToStart: -days };
  const week = Math.floor(days / 7) + 1;
  return week > CIRCLE_WEEKS ? { kind: 'after' } : { kind: 'running', week };
}

/** The first and last day of week `week` (1-based) of a circle that starts on `startDate`. */
export function daysOfCircleWeek(startDate: DayKey, week: number): { first: DayKey; last: DayKey } {
  const first = utcMsOf(startDate) + (week - 1) * 7 * DAY_MS;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { first: iso(first), last: iso(first + 6 * DAY_MS) };
}
