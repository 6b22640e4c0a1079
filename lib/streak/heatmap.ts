/**
 * The heatmap: 53 weeks of days, Monday to Sunday, ending with the current week. Shades are relative
 * to the user's own year, as GitHub does it: the quartiles of the user's own days with contributions
 * in the shown weeks set the steps, so someone who contributes once a week and someone who does ten
 * times a day both see their full range, and nobody is compared with anybody else.
 */
import type { DayKey } from '../db/schemas';
import { dayKeyOfEpochDay, epochDay, mondayOf } from './epoch-days';

export const HEATMAP_WEEKS = 53;

export type Level = 0 | 1 | 2 | 3 | 4;

export interface HeatmapDay {
  day: DayKey;
  contributions: number;
  level: Level;
  /** After today: shown empty, not as a day without contributions. */
  future: boolean;
}

export interface Heatmap {
  /** Oldest week first; each week Monday to Sunday. */
  weeks: HeatmapDay[][];
  /** Upper bounds of levels 1 to 3; anything above the last is level 4. */
  steps: number[];
}

/** The first day the heatmap shows for `today`: the Monday 52 weeks before this week's. */
export function heatmapStart(today: DayKey): DayKey {
  return dayKeyOfEpochDay(firstEpochDay(today));
}

const firstEpochDay = (today: DayKey) => mondayOf(epochDay(today)) - 7 * (HEATMAP_WEEKS - 1);

export function buildHeatmap(byDay: ReadonlyMap<DayKey, number>, today: DayKey): Heatmap {
  const first = firstEpochDay(today);
  const days: DayKey[] = Array.from({ length: HEATMAP_WEEKS * 7 }, (_, i) => dayKeyOfEpochDay(first + i));
  const shown = days.filter((day) => day <= today).map((day) => byDay.get(day) ?? 0);
  const steps = quartileSteps(shown);
  const cells = days.map((day): HeatmapDay => {
    const future = day > today;
    const contributions = future ? 0 : (byDay.get(day) ?? 0);
    return { day, contributions, level: levelOf(contributions, steps), future };
  });
  const weeks = Array.from({ length: HEATMAP_WEEKS }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return { weeks, steps };
}

/** The 25th, 50th and 75th percentile (nearest rank) of the days with contributions. */
export function quartileSteps(counts: readonly number[]): number[] {
  const nonZero = counts.filter((count) => count > 0).sort((a, b) => a - b);
  if (nonZero.length === 0) return [];
  const rank = (p: number) => nonZero[Math.max(0, Math.ceil(p * nonZero.length) - 1)] ?? 0;
  return [rank(0.25), rank(0.5), rank(0.75)];
}

/** 0 for no contributions; otherwise 1 plus the number of steps the count is above. */
export function levelOf(contributions: number, steps: readonly number[]): Level {
  if (contributions <= 0) return 0;
  return (1 + steps.filter((step) => contributions > step).length) as Level;
}
