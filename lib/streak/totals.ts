/** Totals for a range of days, summed from daily aggregate rows already in memory. */
import { AGGREGATE_COUNTERS } from '../db/aggregates';
import type { Totals } from '../db/reads';
import type { DailyAggregate, DayKey } from '../db/schemas';

/** The counters of the rows whose day is in `from`..`to`, both included. */
export function sumTotals(rows: readonly DailyAggregate[], from: DayKey, to: DayKey): Totals {
  const totals: Totals = { thanksGiven: 0, thanksReceived: 0, wolPosts: 0, weeklyLogs: 0 };
  for (const row of rows) {
    if (row.day < from || row.day > to) continue;
    for (const counter of AGGREGATE_COUNTERS) totals[counter] += row[counter];
  }
  return totals;
}
