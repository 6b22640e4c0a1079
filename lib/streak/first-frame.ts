/** What the popup's first frame shows, checked: read-first-frame.ts reads it without looking. */
import { AGGREGATE_COUNTERS } from '../db/aggregates';
import { type DailyAggregate, type DayKey, type Settings, SettingsSchema } from '../db/schemas';
import { DEFAULT_SETTINGS } from '../settings/settings';
import type { StoredFirstFrame } from './read-first-frame';

export type FirstFrame = { settings: Settings; rows: DailyAggregate[] };

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A stored row as a daily aggregate, or undefined when it is not one. Thousands of rows are checked
 * while the user waits for the popup, so this is DailyAggregateSchema's test written out, at a fraction
 * of the cost of running the schema on each.
 */
function aggregateOf(row: unknown): DailyAggregate | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const { day } = row as { day?: unknown };
  if (typeof day !== 'string' || !DAY_KEY.test(day)) return undefined;
  const counts = row as Record<string, unknown>;
  for (const counter of AGGREGATE_COUNTERS) {
    const value = counts[counter];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return undefined;
  }
  return row as DailyAggregate;
}

/**
 * The settings (the defaults if unreadable) and the aggregate rows up to `today`; a row that is not
 * one is left out, not shown. Rows after today exist only if the clock went back; they count for
 * nothing yet.
 */
export function firstFrameOf(stored: StoredFirstFrame, today: DayKey): FirstFrame {
  const settings = SettingsSchema.safeParse(stored.settings);
  const rows: DailyAggregate[] = [];
  for (const row of stored.rows) {
    const aggregate = aggregateOf(row);
    if (aggregate && aggregate.day <= today) rows.push(aggregate);
  }
  return { settings: settings.success ? settings.data : DEFAULT_SETTINGS, rows };
}
