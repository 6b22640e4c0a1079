/**
 * Calendar days in the user's time zone. Streaks and aggregates are keyed by `YYYY-MM-DD` so that a
 * thank-you at 00:30 in Berlin counts for that Berlin day, whatever UTC says. Arithmetic on keys runs
 * in UTC, where every day has 24 hours, so DST never shifts a key.
 */
import type { DayKey } from './schemas';

const DAY_MS = 86_400_000;

// Building a DateTimeFormat is costly and dayKeyOf runs once per record in migrations and imports.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const cacheKey = timeZone ?? '';
  let formatter = formatters.get(cacheKey);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(cacheKey, formatter);
  }
  return formatter;
}

/** The calendar day that `epochMs` falls on in `timeZone` (default: the runtime's own zone). */
export function dayKeyOf(epochMs: number, timeZone?: string): DayKey {
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

function toUtcMs(day: DayKey): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`Not a day key (YYYY-MM-DD): ${day}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  // Date.UTC rolls 2025-02-30 over into March; a key that does not round-trip is not a real day.
  if (fromUtcMs(ms) !== day) throw new RangeError(`Not a calendar day: ${day}`);
  return ms;
}

function fromUtcMs(ms: number): DayKey {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `day` moved by `n` calendar days (negative goes back). */
export function addDays(day: DayKey, n: number): DayKey {
  return fromUtcMs(toUtcMs(day) + n * DAY_MS);
}

/** The Monday of the week containing `day` (weeks start on Monday, ISO 8601). */
export function weekStartOf(day: DayKey): DayKey {
  const ms = toUtcMs(day);
  const daysSinceMonday = (new Date(ms).getUTCDay() + 6) % 7;
  return fromUtcMs(ms - daysSinceMonday * DAY_MS);
}
