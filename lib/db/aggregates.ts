/**
 * The daily aggregate: one row per day with counts, so that streak, heatmap and totals never scan the
 * history. Shared by the writes (one bump per write, inside the write's transaction) and the v2
 * migration (built once from all records).
 */
import type { Table } from 'dexie';
import type { AggregateCounter, DailyAggregate, DayKey, Recognition } from './schemas';

export const AGGREGATE_COUNTERS = [
  'thanksGiven',
  'thanksReceived',
  'wolPosts',
  'weeklyLogs',
] as const satisfies readonly AggregateCounter[];

export function emptyAggregate(day: DayKey): DailyAggregate {
  return { day, thanksGiven: 0, thanksReceived: 0, wolPosts: 0, weeklyLogs: 0 };
}

export function recognitionCounter(rec: Pick<Recognition, 'direction'>): AggregateCounter {
  return rec.direction === 'given' ? 'thanksGiven' : 'thanksReceived';
}

/** Adds `delta` to one counter of `day`; never below zero. Call inside a transaction that spans `table`. */
export async function bumpAggregate(
  table: Table<DailyAggregate, DayKey>,
  day: DayKey,
  counter: AggregateCounter,
  delta: number,
): Promise<void> {
  const row = (await table.get(day)) ?? emptyAggregate(day);
  await table.put({ ...row, [counter]: Math.max(0, row[counter] + delta) });
}
