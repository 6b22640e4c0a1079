// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  fiveYearsOfHistory,
  HISTORY_RECORDS,
  POPUP_TARGET_MS,
  popupFirstRenderRow,
} from '../../../bench/popup-first-render.mjs';
import { BackupSchema } from '../../../lib/export/backup-schema';

const NOW = Date.parse('2026-11-22T12:00:00Z');

describe('the popup benchmark’s history', () => {
  it('is a valid backup of 20,000 records over five years, the same on every run', () => {
    const backup = BackupSchema.parse(fiveYearsOfHistory(NOW));
    const { recognitions = [], wolPosts = [], weeklyLogs = [] } = backup.tables;
    expect(recognitions.length + wolPosts.length + weeklyLogs.length).toBe(HISTORY_RECORDS);
    const days = [...recognitions, ...wolPosts, ...weeklyLogs].map((record) => record.day).sort();
    expect(days[0]?.slice(0, 4)).toBe('2021');
    expect(days.at(-1)).toBe('2026-11-22');
    expect(fiveYearsOfHistory(NOW)).toEqual(fiveYearsOfHistory(NOW));
  });
});

describe('popupFirstRenderRow', () => {
  const result = (medianMs: number) => ({
    medianMs,
    documentParsedMedianMs: 20,
    mainThreadCpuMedianMs: 40,
    emptyProfileMedianMs: 38,
    barePageMedianMs: 30,
    maxMs: medianMs,
    firstMs: medianMs,
    runsMs: [medianMs],
    records: HISTORY_RECORDS,
    importMs: 1000,
  });

  it('passes at the target and fails above it', () => {
    expect(popupFirstRenderRow(result(POPUP_TARGET_MS)).pass).toBe(true);
    expect(popupFirstRenderRow(result(POPUP_TARGET_MS + 0.1)).pass).toBe(false);
    expect(popupFirstRenderRow(result(42)).measured).toBe(
      '42.0 ms (CPU 40 ms; empty profile 38 ms; bare extension page 30 ms)',
    );
  });
});
