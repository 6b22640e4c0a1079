import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DailyAggregateSchema } from '../../../lib/db/schemas';
import { firstFrameOf } from '../../../lib/streak/first-frame';

const LAST_DAY = '9999-12-31';
const counter = fc.oneof(
  fc.nat(),
  fc.integer({ min: -3, max: -1 }),
  fc.double(),
  fc.string(),
  fc.constant(null),
);
const day = fc.oneof(
  fc
    .date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2999-12-31') })
    .map((date) => date.toISOString().slice(0, 10)),
  fc.string(),
  fc.integer(),
);
const row = fc.oneof(
  fc.record(
    { day, thanksGiven: counter, thanksReceived: counter, wolPosts: counter, weeklyLogs: counter },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

describe('the first frame’s check of stored rows', () => {
  it('keeps exactly the rows DailyAggregateSchema accepts', () => {
    fc.assert(
      fc.property(row, (stored) => {
        const kept =
          firstFrameOf({ settings: undefined, rows: [stored], weeks: [] }, LAST_DAY).rows.length === 1;
        expect(kept).toBe(DailyAggregateSchema.safeParse(stored).success);
      }),
      { numRuns: 2_000 },
    );
  });

  it('leaves out rows after today: the clock went back', () => {
    const rows = ['2026-11-17', '2026-11-18', '2026-11-19'].map((stored) => ({
      day: stored,
      thanksGiven: 1,
      thanksReceived: 0,
      wolPosts: 0,
      weeklyLogs: 0,
    }));
    expect(
      firstFrameOf({ settings: undefined, rows, weeks: undefined }, '2026-11-18').rows.map(
        ({ day: kept }) => kept,
      ),
    ).toEqual(['2026-11-17', '2026-11-18']);
  });
});
