// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CIRCLE_WEEKS, circleWeekOn, daysOfCircleWeek } from '../../../lib/circle/weeks';
import { addDays } from '../../../lib/db/day-key';

describe('week N of 12', () => {
  it('starts week 1 on the start date and week 2 seven days later', () => {
    expect(circleWeekOn('2025-03-04', '2025-03-04')).toEqual({ kind: 'running', week: 1 });
    expect(circleWeekOn('2025-03-04', '2025-03-10')).toEqual({ kind: 'running', week: 1 });
    expect(circleWeekOn('2025-03-04', '2025-03-11')).toEqual({ kind: 'running', week: 2 });
  });

  it('says how many days are left before the start', () => {
    expect(circleWeekOn('2025-03-04', '2025-03-01')).toEqual({ kind: 'before', daysToStart: 3 });
  });

  it('ends after the twelfth week', () => {
    expect(circleWeekOn('2025-03-04', addDays('2025-03-04', 83))).toEqual({ kind: 'running', week: 12 });
    expect(circleWeekOn('2025-03-04', addDays('2025-03-04', 84))).toEqual({ kind: 'after' });
  });

  it('is not shifted by the daylight-saving change or a year boundary', () => {
    // Berlin springs forward on 2025-03-30; the circle week still has seven days.
    expect(circleWeekOn('2025-03-24', '2025-03-30')).toEqual({ kind: 'running', week: 1 });
    expect(circleWeekOn('2025-03-24', '2025-03-31')).toEqual({ kind: 'running', week: 2 });
    expect(circleWeekOn('2024-12-17', '2025-01-07')).toEqual({ kind: 'running', week: 4 });
    expect(daysOfCircleWeek('2024-12-17', 3)).toEqual({ first: '2024-12-31', last: '2025-01-06' });
  });

  it('counts every day of the 12 weeks into exactly one week, in order', () => {
    const start = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2090-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: CIRCLE_WEEKS * 7 - 1 }), (startDate, offset) => {
        const position = circleWeekOn(startDate, addDays(startDate, offset));
        expect(position).toEqual({ kind: 'running', week: Math.floor(offset / 7) + 1 });
        if (position.kind !== 'running') return;
        const { first, last } = daysOfCircleWeek(startDate, position.week);
        const today = addDays(startDate, offset);
        expect(first <= today && today <= last).toBe(true);
      }),
    );
  });
});
