// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../lib/db/day-key';
import type { DayKey } from '../../../lib/db/schemas';
import {
  buildHeatmap,
  HEATMAP_WEEKS,
  heatmapStart,
  levelOf,
  quartileSteps,
} from '../../../lib/streak/heatmap';

const TODAY = '2026-11-18'; // a Wednesday

describe('buildHeatmap', () => {
  it('shows 53 weeks, Monday to Sunday, ending with the current week', () => {
    const { weeks } = buildHeatmap(new Map(), TODAY);
    expect(weeks).toHaveLength(HEATMAP_WEEKS);
    for (const week of weeks) expect(week).toHaveLength(7);
    expect(weeks[0]?.[0]?.day).toBe('2025-11-17');
    expect(weeks.at(-1)?.map((cell) => cell.day)).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
    expect(
      weeks
        .at(-1)
        ?.filter((cell) => cell.future)
        .map((cell) => cell.day),
    ).toEqual(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
  });

  it('shades by the quartiles of the user’s own days with contributions', () => {
    const byDay = new Map<DayKey, number>([
      ['2026-11-02', 1],
      ['2026-11-03', 2],
      ['2026-11-04', 3],
      ['2026-11-05', 4],
      ['2026-11-06', 8],
    ]);
    const { weeks, steps } = buildHeatmap(byDay, TODAY);
    expect(steps).toEqual([2, 3, 4]);
    const levels = weeks.flat().filter((cell) => cell.contributions > 0);
    expect(levels.map((cell) => [cell.day, cell.level])).toEqual([
      ['2026-11-02', 1],
      ['2026-11-03', 1],
      ['2026-11-04', 2],
      ['2026-11-05', 3],
      ['2026-11-06', 4],
    ]);
  });

  it('leaves out days before its first week and after today', () => {
    const first = heatmapStart(TODAY);
    const byDay = new Map<DayKey, number>([
      [addDays(first, -1), 50],
      [first, 1],
      ['2026-11-20', 50],
    ]);
    const { weeks, steps } = buildHeatmap(byDay, TODAY);
    expect(steps).toEqual([1, 1, 1]);
    expect(weeks.flat().reduce((sum, cell) => sum + cell.contributions, 0)).toBe(1);
  });
});

const COUNTS = fc.array(fc.nat({ max: 40 }), { maxLength: 371 });

describe('heatmap levels, for any year', () => {
  it('are 0 exactly for days without contributions, and grow with the count', () => {
    fc.assert(
      fc.property(COUNTS, fc.nat({ max: 60 }), fc.nat({ max: 60 }), (counts, a, b) => {
        const steps = quartileSteps(counts);
        expect(levelOf(0, steps)).toBe(0);
        if (a > 0) expect(levelOf(a, steps)).toBeGreaterThanOrEqual(1);
        if (a <= b) expect(levelOf(a, steps)).toBeLessThanOrEqual(levelOf(b, steps));
        expect(levelOf(Math.max(a, b), steps)).toBeLessThanOrEqual(4);
      }),
    );
  });

  it('are relative to the user’s own year: scaling every day by the same factor changes no shade', () => {
    fc.assert(
      fc.property(COUNTS, fc.integer({ min: 2, max: 9 }), (counts, factor) => {
        const byDay = (scale: number) =>
          new Map(
            counts.map((count, i): [DayKey, number] => [addDays(heatmapStart(TODAY), i), count * scale]),
          );
        const levels = (scale: number) =>
          buildHeatmap(byDay(scale), TODAY)
            .weeks.flat()
            .map((cell) => cell.level);
        expect(levels(factor)).toEqual(levels(1));
      }),
    );
  });

  it('give the busiest day the darkest shade used', () => {
    fc.assert(
      fc.property(COUNTS, (counts) => {
        const steps = quartileSteps(counts);
        const max = Math.max(0, ...counts);
        const used = counts.map((count) => levelOf(count, steps));
        expect(levelOf(max, steps)).toBe(Math.max(0, ...used));
      }),
    );
  });
});
