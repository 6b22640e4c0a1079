// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayKeyOf, weekStartOf } from '../../../lib/db/day-key';

const BERLIN = 'Europe/Berlin';
const at = (iso: string) => Date.parse(iso);

describe('dayKeyOf', () => {
  it('follows Berlin across the spring-forward night (last Sunday of March)', () => {
    // 2025-03-30: 02:00 CET jumps to 03:00 CEST, so that day has 23 hours.
    expect(dayKeyOf(at('2025-03-29T22:59:59Z'), BERLIN)).toBe('2025-03-29');
    expect(dayKeyOf(at('2025-03-29T23:00:00Z'), BERLIN)).toBe('2025-03-30');
    expect(dayKeyOf(at('2025-03-30T00:59:59Z'), BERLIN)).toBe('2025-03-30');
    expect(dayKeyOf(at('2025-03-30T01:00:00Z'), BERLIN)).toBe('2025-03-30');
    expect(dayKeyOf(at('2025-03-30T21:59:59Z'), BERLIN)).toBe('2025-03-30');
    expect(dayKeyOf(at('2025-03-30T22:00:00Z'), BERLIN)).toBe('2025-03-31');
  });

  it('follows Berlin across the fall-back night (last Sunday of October)', () => {
    // 2025-10-26: 03:00 CEST falls back to 02:00 CET, so that day has 25 hours.
    expect(dayKeyOf(at('2025-10-25T21:59:59Z'), BERLIN)).toBe('2025-10-25');
    expect(dayKeyOf(at('2025-10-25T22:00:00Z'), BERLIN)).toBe('2025-10-26');
    expect(dayKeyOf(at('2025-10-26T00:30:00Z'), BERLIN)).toBe('2025-10-26'); // 02:30 CEST
    expect(dayKeyOf(at('2025-10-26T01:30:00Z'), BERLIN)).toBe('2025-10-26'); // 02:30 CET, again
    expect(dayKeyOf(at('2025-10-26T22:59:59Z'), BERLIN)).toBe('2025-10-26');
    expect(dayKeyOf(at('2025-10-26T23:00:00Z'), BERLIN)).toBe('2025-10-27');
  });

  it('puts New Year by the local clock, not by UTC', () => {
    expect(dayKeyOf(at('2024-12-31T22:59:59Z'), BERLIN)).toBe('2024-12-31');
    expect(dayKeyOf(at('2024-12-31T23:00:00Z'), BERLIN)).toBe('2025-01-01');
    expect(dayKeyOf(at('2024-12-31T23:00:00Z'), 'UTC')).toBe('2024-12-31');
    expect(dayKeyOf(at('2025-01-01T05:00:00Z'), 'America/Los_Angeles')).toBe('2024-12-31');
    expect(dayKeyOf(at('2024-12-31T10:00:00Z'), 'Pacific/Kiritimati')).toBe('2025-01-01');
  });

  it('uses the runtime time zone by default', () => {
    const ms = at('2025-06-15T12:00:00Z');
    const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(dayKeyOf(ms)).toBe(dayKeyOf(ms, zone));
  });

  it('rejects an unknown time zone', () => {
    expect(() => dayKeyOf(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('weekStartOf', () => {
  it('returns the Monday of the week', () => {
    expect(weekStartOf('2025-03-10')).toBe('2025-03-10'); // Monday
    expect(weekStartOf('2025-03-16')).toBe('2025-03-10'); // Sunday
    expect(weekStartOf('2025-03-30')).toBe('2025-03-24'); // DST Sunday
    expect(weekStartOf('2025-10-26')).toBe('2025-10-20'); // DST Sunday
    expect(weekStartOf('2024-03-01')).toBe('2024-02-26'); // after a leap day
  });

  it('crosses the year boundary', () => {
    expect(weekStartOf('2025-01-01')).toBe('2024-12-30');
    expect(weekStartOf('2021-01-03')).toBe('2020-12-28');
  });

  it('is always a Monday at most six days back', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), (ms) => {
        const day = dayKeyOf(ms, BERLIN);
        const monday = weekStartOf(day);
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(monday <= day && addDays(monday, 6) >= day).toBe(true);
      }),
    );
  });
});

describe('addDays', () => {
  it('moves across month, leap-day, year and DST boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27');
    expect(addDays('2025-03-10', 0)).toBe('2025-03-10');
    expect(addDays('2025-03-10', -70)).toBe('2024-12-30');
  });

  it('is undone by the opposite step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.integer({ min: -4000, max: 4000 }),
        (ms, n) => {
          const day = dayKeyOf(ms, 'UTC');
          expect(addDays(addDays(day, n), -n)).toBe(day);
        },
      ),
    );
  });

  it('rejects what is not a calendar day', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => weekStartOf('24.03.2025')).toThrow(RangeError);
  });
});
