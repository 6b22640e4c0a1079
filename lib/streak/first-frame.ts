/** What the popup's first frame shows, checked: read-first-frame.ts reads it without looking. */
import { AGGREGATE_COUNTERS } from '../db/aggregates';
import {
  type DailyAggregate,
  type DayKey,
  type Settings,
  SettingsSchema,
  WeeklyContributionsSchema,
} from '../db/schemas';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { contributionsByDay, contributionsByWeek } from './contributions';
import type { StoredFirstFrame } from './read-first-frame';

/** `weeks`: contributions per week, keyed by Monday, all time (the streak). */
export type FirstFrame = { settings: Settings; rows: DailyAggregate[]; weeks: Map<DayKey, number> };

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

/** The weekly contributions up to this week, as stored; a row that is not one is left out. */
function weeksOf(stored: readonly unknown[], today: DayKey): Map<DayKey, number> {
  const weeks = new Map<DayKey, number>();
  for (const row of stored) {
    const parsed = WeeklyContributionsSchema.safeParse(row);
    if (parsed.success && parsed.data.monday <= today)
      weeks.set(parsed.data.monday, parsed.data.contributions);
  }
  return weeks;
}

/**
 * The settings (the defaults if unreadable), the aggregate rows up to `today` and the contributions
 * per week; a row that is not one is left out, not shown. Rows after today exist only if the clock went
 * back; they count for nothing yet. A database not yet upgraded to weekly rows has every day instead.
 */
export function firstFrameOf(stored: StoredFirstFrame, today: DayKey): FirstFrame {
  const settings = SettingsSchema.safeParse(stored.settings);
  const rows: DailyAggregate[] = [];
  for (const row of stored.rows) {
    const aggregate = aggregateOf(row);
    if (aggregate && aggregate.day <= today) rows.push(aggregate);
  }
  return {
    settings: settings.success ? settings.data : DEFAULT_SETTINGS,
    rows,
    weeks: stored.weeks ? weeksOf(stored.weeks, today) : contributionsByWeek(contributionsByDay(rows)),
  };
}
