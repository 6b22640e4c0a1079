/**
 * The daily aggregate: one row per day with counts, so that streak, heatmap and totals never scan the
 * history; and, derived from it, the contributions per week that the streak reads. Shared by the
 * writes (one bump per write, inside the write's transaction), the imports and the migrations.
 */
import type { Table } from 'dexie';
import { weekStartOf } from './day-key';
import type { AggregateCounter, DailyAggregate, DayKey, Recognition, WeeklyContributions } from './schemas';

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

/** What counts toward the streak (lib/streak/contributions.ts): all but thanks received. */
export const CONTRIBUTION_COUNTERS = [
  'thanksGiven',
  'wolPosts',
  'weeklyLogs',
] as const satisfies readonly AggregateCounter[];

export type AggregateTables = {
  dailyAggregates: Table<DailyAggregate, DayKey>;
  weeklyContributions: Table<WeeklyContributions, DayKey>;
};

const isContribution = (counter: AggregateCounter) =>
  (CONTRIBUTION_COUNTERS as readonly AggregateCounter[]).includes(counter);

/**
 * Adds `delta` to one counter of `day`, never below zero, and the same change to the contributions of
 * its week. Call inside a transaction that spans both tables.
 */
export async function bumpAggregate(
  tables: AggregateTables,
  day: DayKey,
  counter: AggregateCounter,
  delta: number,
): Promise<void> {
  const row = (await tables.dailyAggregates.get(day)) ?? emptyAggregate(day);
  const next = Math.max(0, row[counter] + delta);
  await tables.dailyAggregates.put({ ...row, [counter]: next });
  if (!isContribution(counter) || next === row[counter]) return;
  const monday = weekStartOf(day);
  const week = (await tables.weeklyContributions.get(monday)) ?? { monday, contributions: 0 };
  await tables.weeklyContributions.put({
    monday,
    contributions: Math.max(0, week.contributions + next - row[counter]),
  });
}

/** The contributions per week of these daily rows; weeks without any are left out. */
export function weeklyContributionsOf(rows: Iterable<DailyAggregate>): WeeklyContributions[] {
  const weeks = new Map<DayKey, number>();
  for (const row of rows) {
    const count = row.thanksGiven + row.wolPosts + row.weeklyLogs;
    if (count === 0) continue;
    const monday = weekStartOf(row.day);
    weeks.set(monday, (weeks.get(monday) ?? 0) + count);
  }
  return [...weeks].map(([monday, contributions]) => ({ monday, contributions }));
}
