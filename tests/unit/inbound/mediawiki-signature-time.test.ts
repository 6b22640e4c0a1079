import { describe, expect, it } from 'vitest';
import { signatureTimeOf } from '../../../lib/hosts/mediawiki/signature-time';

describe('signatureTimeOf', () => {
  it.each([
    ['09:12, 16 November 2026 (UTC)', '2026-11-16T09:12:00.000Z'],
    ['09:12, November 16, 2026 (UTC)', '2026-11-16T09:12:00.000Z'],
    ['09:12, 16. Nov. 2026 (CET)', '2026-11-16T08:12:00.000Z'],
    ['18:05, 3. Mär. 2026 (MEZ)', '2026-03-03T17:05:00.000Z'],
    ['00:30, 1. Juli 2026 (CEST)', '2026-06-30T22:30:00.000Z'],
    ['09:12,\u00a016\u00a0November\u00a02026 (UTC)', '2026-11-16T09:12:00.000Z'],
  ])('reads %j as %s', (timestamp, iso) => {
    expect(new Date(signatureTimeOf(timestamp) ?? Number.NaN).toISOString()).toBe(iso);
  });

  it.each(['09:12, 16 November 2026 (PST)', '09:12, 16 Brumaire 2026 (UTC)', 'yesterday'])(
    'leaves %j unread',
    (timestamp) => {
      expect(signatureTimeOf(timestamp)).toBeUndefined();
    },
  );
});
