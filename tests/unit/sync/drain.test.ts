// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { HostId, OutboxItem } from '../../../lib/db/schemas';
import { retryDelivery, saveRecognition } from '../../../lib/db/writes';
import type { Deliver } from '../../../lib/messages/background-to-content';
import { createSyncEngine, type EngineDeps } from '../../../lib/sync/engine';
import {
  ATTEMPT_TIMEOUT_MS,
  acknowledge,
  claimDue,
  MAX_ATTEMPTS,
  type Outcome,
  SETTLE_MS,
  UNCERTAIN_GIVE_UP_MS,
} from '../../../lib/sync/outbox';
import type { SendStateStore, SendStates } from '../../../lib/sync/send-states';
import { freshDb, NOW, postRef, thanks } from '../db/factories';

async function queued(count: number, host: HostId = 'wordpress') {
  const db = freshDb();
  for (let i = 0; i < count; i++) {
    await saveRecognition(
      db,
      { ...thanks(`r${i}`, { post: postRef(String(100 + i), { host }) }), postedText: `Danke ${i}!` },
      { sync: true, now: NOW },
    );
  }
  return db;
}

/** A clock the engine reads and its sleeps advance, so rate-limit waits take no real time. */
function clock() {
  const time = { now: NOW };
  return {
    time,
    now: () => time.now,
    sleep: async (ms: number) => {
      time.now += ms;
    },
  };
}

function memoryStore(): SendStateStore & { states: SendStates } {
  const store = {
    states: {} as SendStates,
    load: async () => store.states,
    save: async (states: SendStates) => {
      store.states = states;
    },
  };
  return store;
}

describe('draining under failure', () => {
  it('keeps to the demo intranet limit (10 writes per second) within one drain by waiting, and still sends everything', async () => {
    const db = await queued(25, 'demo');
    const time = clock();
    const startedAt: number[] = [];
    const engine = createSyncEngine(db, {
      ...time,
      deliver: async () => {
        startedAt.push(time.now());
        return { kind: 'done', remoteId: `c${startedAt.length}` };
      },
    });
    await engine.drain();
    expect(startedAt).toHaveLength(25);
    for (const start of startedAt)
      expect(startedAt.filter((t) => t >= start && t < start + 1_000).length).toBeLessThanOrEqual(10);
  });

  it('does not let one stalled delivery hold up the others', async () => {
    const db = await queued(6);
    const landed: string[] = [];
    let releaseStall: () => void = () => undefined;
    const engine = createSyncEngine(db, {
      now: () => NOW,
      deliver: async (_item, message) => {
        if (message.text === 'Danke 0!') {
          await new Promise<void>((resolve) => {
            releaseStall = resolve;
          });
          return { kind: 'uncertain', reason: 'no answer within 25 s' };
        }
        landed.push(message.text);
        return { kind: 'done', remoteId: message.text };
      },
    });
    const drained = engine.drain();
    await expect.poll(() => landed.length).toBe(5);
    releaseStall();
    expect(await drained).toBe(6);
  });

  it('makes the whole host wait as long as its Retry-After asks', async () => {
    const db = await queued(2);
    const time = clock();
    const tries: Array<{ text: string; at: number }> = [];
    const engine = createSyncEngine(db, {
      ...time,
      deliver: async (_item, message) => {
        tries.push({ text: message.text, at: time.now() });
        return tries.length === 1
          ? { kind: 'retry', reason: 'HTTP 429', retryAfterMs: 10_000 }
          : { kind: 'done', remoteId: 'c' };
      },
    });
    await engine.drain();
    expect(tries).toHaveLength(2);
    expect(tries[1]?.at).toBeGreaterThanOrEqual(NOW + 10_000);
  });

  it('remembers the rate limit across worker restarts: a new worker sends no fresh burst', async () => {
    const db = await queued(15, 'viva-engage');
    const store = memoryStore();
    const sent: number[] = [];
    const deps = (now: number): EngineDeps => ({
      now: () => now,
      sendStates: store,
      deliver: async () => {
        sent.push(now);
        return { kind: 'done', remoteId: String(sent.length) };
      },
    });
    const first = createSyncEngine(db, deps(NOW));
    await first.drain();
    await first.saved();
    expect(sent).toHaveLength(10);
    // The worker died; a new one starts 5 s later with an empty memory but the saved state.
    await createSyncEngine(db, deps(NOW + 5_000)).drain();
    expect(sent).toHaveLength(10);
    await createSyncEngine(db, deps(NOW + 30_001)).drain();
    expect(sent).toHaveLength(15);
  });

  it('after a worker died mid-attempt, the next worker looks for the write before sending, once that attempt has surely ended and settled', async () => {
    const db = await queued(1);
    await claimDue(db, NOW, 1);
    const seen: Deliver[] = [];
    const worker = (now: number) =>
      createSyncEngine(db, {
        now: () => now,
        deliver: async (_item, message) => {
          seen.push(message);
          return { kind: 'done', remoteId: 'c1' };
        },
      });
    // Started 10 s after the claim: its lease is far from over, yet nobody else holds the item.
    await worker(NOW + 10_000).drain();
    expect(seen).toHaveLength(0);
    expect(await db.outbox.toArray()).toMatchObject([
      { state: 'pending', uncertainSince: NOW, nextAttemptAt: NOW + ATTEMPT_TIMEOUT_MS + SETTLE_MS },
    ]);
    await worker(NOW + ATTEMPT_TIMEOUT_MS + SETTLE_MS).drain();
    expect(seen).toMatchObject([{ uncertainSince: NOW }]);
  });

  it('asks to be woken when the next item falls due', async () => {
    const db = await queued(1);
    const wakes: number[] = [];
    const engine = createSyncEngine(db, {
      now: () => NOW,
      wakeAt: (at) => wakes.push(at),
      random: () => 0,
      deliver: async () => ({ kind: 'uncertain', reason: 'Failed to fetch' }),
    });
    await engine.drain();
    expect(wakes).toEqual([NOW + SETTLE_MS]);
  });

  it('tries items that wait for a tab again on the next drain (a tab may just have opened)', async () => {
    const db = await queued(2);
    let tabOpen = false;
    const sent: string[] = [];
    const engine = createSyncEngine(db, {
      now: () => NOW,
      deliver: async (_item, message): Promise<Outcome> => {
        if (!tabOpen) return { kind: 'wait', reason: 'waiting for an open tab of x', waitMs: 60_000 };
        sent.push(message.text);
        return { kind: 'done', remoteId: message.text };
      },
    });
    await engine.drain();
    expect(sent).toEqual([]);
    tabOpen = true;
    await engine.drain();
    expect(sent.sort()).toEqual(['Danke 0!', 'Danke 1!']);
  });

  it('drains once more when asked during a drain, so a tab that opened meanwhile is not missed', async () => {
    const db = await queued(1);
    let tabOpen = false;
    const sent: string[] = [];
    const engine = createSyncEngine(db, {
      now: () => NOW,
      deliver: async (_item, message): Promise<Outcome> => {
        if (!tabOpen) {
          // The tab opens while this drain is still busy; its hello asks for a drain.
          tabOpen = true;
          void engine.drain();
          return { kind: 'wait', reason: 'waiting for an open tab of x', waitMs: 60_000 };
        }
        sent.push(message.text);
        return { kind: 'done', remoteId: message.text };
      },
    });
    await engine.drain();
    expect(sent).toEqual(['Danke 0!']);
  });
});

describe('how long an item keeps trying', () => {
  it('after the user retries an item given up as unreachable, it is tried again, not given up at once', async () => {
    const db = await queued(1);
    const [claimed] = await claimDue(db, NOW, 1);
    if (!claimed) throw new Error('nothing due');
    const later = NOW + UNCERTAIN_GIVE_UP_MS + 60_000;
    await db.outbox.put({
      ...claimed,
      state: 'failed',
      attempts: MAX_ATTEMPTS,
      uncertainSince: NOW,
      leaseUntil: undefined,
    });
    await retryDelivery(db, 'recognition', claimed.recordId, later);
    const item = await failOnce(db, { kind: 'uncertain', reason: 'Failed to fetch' }, later);
    expect(item).toMatchObject({ state: 'pending', attempts: 1, uncertainSince: NOW });
  });

  async function failOnce(db: Awaited<ReturnType<typeof queued>>, outcome: Outcome, now: number) {
    const [item] = await claimDue(db, now, 1, () => true);
    if (!item) throw new Error('nothing due');
    await acknowledge(db, item, outcome, now, () => 1);
    return (await db.outbox.get(item.id)) as OutboxItem;
  }

  it('looks again about half a minute after an uncertain failure, under one alarm period, and keeps doing so while the host is unreachable', async () => {
    const db = await queued(1);
    let now = NOW;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS + 2; attempt++) {
      const item = await failOnce(db, { kind: 'uncertain', reason: 'Failed to fetch' }, now);
      expect(item.state).toBe('pending');
      expect(item.nextAttemptAt - now).toBeGreaterThanOrEqual(SETTLE_MS);
      expect(item.nextAttemptAt - now).toBeLessThan(60_000);
      now = item.nextAttemptAt;
    }
  });

  it('gives an unreachable host up after days, and a refusing host after a few attempts', async () => {
    const unreachable = await queued(1);
    let item: OutboxItem | undefined;
    let now = NOW;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      item = await failOnce(unreachable, { kind: 'uncertain', reason: 'Failed to fetch' }, now);
      now = item.nextAttemptAt;
    }
    expect(item?.state).toBe('pending');
    item = await failOnce(
      unreachable,
      { kind: 'uncertain', reason: 'Failed to fetch' },
      NOW + UNCERTAIN_GIVE_UP_MS,
    );
    expect(item).toMatchObject({ state: 'failed', lastError: 'Failed to fetch' });

    const refusing = await queued(1);
    now = NOW;
    let last: OutboxItem | undefined;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      last = await failOnce(refusing, { kind: 'retry', reason: 'HTTP 503' }, now);
      now = last.nextAttemptAt;
    }
    expect(last).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS, lastError: 'HTTP 503' });
  });
});
