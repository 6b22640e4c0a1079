import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs } from '../../../lib/sync/backoff';
import { classifyStatus } from '../../../lib/sync/classify';
import { type SendLog, take } from '../../../lib/sync/rate-limit';

describe('backoff', () => {
  it('grows exponentially, is jittered, never below 1 s and never above 1 h', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempts, r) => {
          const delay = backoffDelay(attempts, () => r);
          expect(delay).toBeGreaterThanOrEqual(1_000);
          expect(delay).toBeLessThanOrEqual(3_600_000);
        },
      ),
    );
    expect(backoffDelay(1, () => 1)).toBe(5_000);
    expect(backoffDelay(4, () => 1)).toBe(40_000);
    expect(backoffDelay(40, () => 1)).toBe(3_600_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 22 Nov 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe('what a response status means', () => {
  it.each([
    [201, 'ok'],
    [408, 'retry'],
    [429, 'retry'],
    [503, 'retry'],
    [400, 'permanent'],
    [401, 'permanent'],
    [403, 'permanent'],
    [404, 'permanent'],
  ] as const)('%i → %s', (status, kind) => {
    expect(classifyStatus(status)).toBe(kind);
  });
});

describe('the per-host rate limit', () => {
  const limit = { requests: 10, perMs: 30_000 };

  it('never lets more than the documented number of requests through in any window', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 200 }), (gaps) => {
        let log: SendLog = [];
        let now = 0;
        const sent: number[] = [];
        for (const gap of gaps) {
          now += gap;
          const result = take(log, limit, now);
          log = result.log;
          if (result.ok) sent.push(now);
        }
        // Every window of 30 s, wherever it starts, holds at most 10 requests.
        for (const start of sent) {
          const inWindow = sent.filter((t) => t >= start && t < start + limit.perMs).length;
          expect(inWindow).toBeLessThanOrEqual(limit.requests);
        }
      }),
    );
  });

  it('says how long until the next token', () => {
    let log: SendLog = [];
    for (let i = 0; i < 10; i++) log = take(log, limit, i * 1_000).log;
    const refused = take(log, limit, 12_000);
    expect(refused.ok).toBe(false);
    // The first request (at 0 s) leaves the window at 30 s.
    if (!refused.ok) expect(refused.waitMs).toBe(18_000);
    expect(take(log, limit, 30_001).ok).toBe(true);
  });
});
