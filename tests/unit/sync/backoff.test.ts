import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs } from '../../../lib/sync/backoff';
import { classifyStatus } from '../../../lib/sync/classify';
import {
  ended,
  freeAt,
  type HostSendState,
  IDLE,
  orphaned,
  paused,
  started,
} from '../../../lib/sync/rate-limit';

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

  it('never lets the host see more than the documented number of requests in any window, however long each takes', () => {
    // Each request starts when the limit allows, takes `duration`, and reaches the host at some moment
    // while under way (`arrival` picks where): the host's count is what matters.
    const request = fc.record({
      gap: fc.integer({ min: 0, max: 5_000 }),
      duration: fc.integer({ min: 1, max: 40_000 }),
      arrival: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 150 }), (requests) => {
        let state: HostSendState = IDLE;
        let now = 0;
        let under: Array<{ start: number; end: number }> = [];
        const arrivals: number[] = [];
        for (const { gap, duration, arrival } of requests) {
          now += gap;
          for (const done of under.filter((r) => r.end <= now).sort((a, b) => a.end - b.end))
            state = ended(state, done.start, done.end, limit);
          under = under.filter((r) => r.end > now);
          if (freeAt(state, limit, now) > now) continue;
          state = started(state, now);
          under.push({ start: now, end: now + duration });
          arrivals.push(now + arrival * duration);
        }
        for (const start of arrivals) {
          const inWindow = arrivals.filter((t) => t >= start && t < start + limit.perMs).length;
          expect(inWindow).toBeLessThanOrEqual(limit.requests);
        }
      }),
    );
  });

  it('says when the next request may start: one window after the oldest in it ended', () => {
    let state: HostSendState = IDLE;
    for (let i = 0; i < 10; i++) state = ended(started(state, i * 1_000), i * 1_000, i * 1_000 + 500, limit);
    expect(freeAt(state, limit, 12_000)).toBe(30_500);
    expect(freeAt(state, limit, 30_500)).toBe(30_500);
  });

  it('counts requests still under way, and after a worker restart counts them as just ended', () => {
    let state: HostSendState = IDLE;
    for (let i = 0; i < 10; i++) state = started(state, i);
    expect(freeAt(state, limit, 60_000)).toBeGreaterThan(60_000);
    const restarted = orphaned(state, 100_000);
    expect(restarted.underWay).toEqual([]);
    expect(freeAt(restarted, limit, 100_000)).toBe(130_000);
  });

  it('gives the token back for a request that never left (no tab to send it from)', () => {
    let state: HostSendState = IDLE;
    for (let i = 0; i < 10; i++) state = ended(started(state, i), i, i + 1, limit, i > 0);
    expect(freeAt(state, limit, 20)).toBe(20);
  });

  it('honours a pause the host asked for (Retry-After), also on hosts without a documented limit', () => {
    const state = paused(IDLE, 5_000);
    expect(freeAt(state, undefined, 1_000)).toBe(5_000);
    expect(freeAt(state, limit, 6_000)).toBe(6_000);
  });
});
