// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  cumulativeShift,
  distribution,
  formatTable,
  injectLatencies,
  percentile,
  rowsOf,
  shiftsTouchingUs,
} from '../../../bench/report.mjs';

const rect = { x: 0, y: 0, width: 10, height: 10 };
const source = (ours: boolean) => ({
  node: 'article',
  postId: '1',
  ours,
  previousRect: rect,
  currentRect: rect,
});

describe('benchmark arithmetic', () => {
  it('takes nearest-rank percentiles, so every figure is a latency some post really had', () => {
    const sorted = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.95)).toBe(95);
    expect(percentile(sorted, 1)).toBe(100);
    expect(percentile([7], 0.95)).toBe(7);
    expect(() => percentile([], 0.5)).toThrow('percentile of no values');
  });

  it('sorts before taking the distribution', () => {
    expect(distribution([30, 10, 20])).toEqual({ p50: 20, p95: 30, max: 30, count: 3 });
  });

  it('pairs insertions with mounts and lists posts that never got a button', () => {
    expect(injectLatencies({ a: 10, b: 20, c: 30 }, { a: 14, c: 30.5, x: 99 })).toEqual({
      latencies: [4, 0.5],
      missing: ['b'],
    });
  });

  it('sums every shift and picks out those with a source on our elements', () => {
    const shifts = [
      { startTime: 1, value: 0.01, sources: [source(false)] },
      { startTime: 2, value: 0.02, sources: [source(false), source(true)] },
    ];
    expect(cumulativeShift(shifts)).toBeCloseTo(0.03);
    expect(cumulativeShift([])).toBe(0);
    expect(shiftsTouchingUs(shifts)).toEqual([shifts[1]]);
  });
});

describe('the results table', () => {
  const headline = {
    contentScriptGzipBytes: 25_600,
    injectLatencyP95Ms: 16.04,
    scriptingOverheadRatio: 1.1,
    layoutShift: 0,
    buttonsEqualPosts: false,
  };

  it('passes a figure exactly on its target and fails one just over it', () => {
    expect(rowsOf(headline).map((row) => row.pass)).toEqual([true, false, true, true, false]);
    expect(rowsOf({ ...headline, contentScriptGzipBytes: 25_601 })[0]?.pass).toBe(false);
  });

  it('aligns the columns and marks failures loudly', () => {
    const lines = formatTable(rowsOf(headline)).split('\n');
    expect(lines[0]).toMatch(/^metric\s+measured\s+target\s+result$/);
    expect(lines[1]).toMatch(/^-+ {2}-+ {2}-+ {2}-+$/);
    expect(lines[3]).toMatch(/^inject latency p95\s+16\.0 ms\s+≤ 16 ms\s+FAIL$/);
    expect(new Set(lines.slice(2).map((line) => line.search(/pass|FAIL/))).size).toBe(1);
  });
});
