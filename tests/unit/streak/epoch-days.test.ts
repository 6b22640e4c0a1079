// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, weekStartOf } from '../../../lib/db/day-key';
import { dayKeyOfEpochDay, epochDay, mondayOf } from '../../../lib/streak/epoch-days';

/** Any calendar day from year 1000 to 9997 (and up to 400 days on), as lib/db/day-key writes it. */
const DAY = fc
  .date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9997-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('epoch days', () => {
  it('round-trip every day key and count days as lib/db/day-key does', () => {
    fc.assert(
      fc.property(DAY, fc.integer({ min: -400, max: 400 }), (day, n) => {
        expect(dayKeyOfEpochDay(epochDay(day))).toBe(day);
        expect(epochDay(addDays(day, n)) - epochDay(day)).toBe(n);
      }),
    );
  });

  it('find the same Monday as weekStartOf', () => {
    fc.assert(
      fc.property(DAY, (day) => {
        expect(dayKeyOfEpochDay(mondayOf(epochDay(day)))).toBe(weekStartOf(day));
      }),
    );
    expect(dayKeyOfEpochDay(mondayOf(epochDay('1970-01-01')))).toBe('1969-12-29');
    expect(dayKeyOfEpochDay(mondayOf(epochDay('2027-01-03')))).toBe('2026-12-28');
  });
});
