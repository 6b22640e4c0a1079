// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../lib/db/schemas';
import { saveRecognition } from '../../../lib/db/writes';
import type { Deliver } from '../../../lib/messages/background-to-content';
import { createSyncEngine } from '../../../lib/sync/engine';
import {
  acknowledge,
  claimDue,
  LEASE_MS,
  type Outcome,
  releaseExpiredLeases,
} from '../../../lib/sync/outbox';
import { freshDb, NOW, postRef, thanks } from '../db/factories';

async function queued(count: number) {
  const db = freshDb();
  for (let i = 0; i < count; i++) {
    await saveRecognition(
      db,
      { ...thanks(`r${i}`, { post: postRef(String(100 + i)) }), postedText: `Danke ${i}!` },
      { sync: true, now: NOW },
    );
  }
  return db;
}

/** A host that keeps what it was sent, so tests can count every write that landed. */
function fakeHost() {
  const landed: Deliver[] = [];
  return {
    landed,
    accept: async (_item: OutboxItem, message: Deliver): Promise<Outcome> => {
      landed.push(message);
      return { kind: 'done', remoteId: `c${landed.length}` };
    },
  };
}

describe('the outbox', () => {
  it('claims each due item once: a second drain racing the first gets nothing', async () => {
    const db = await queued(3);
    const [first, second] = await Promise.all([claimDue(db, NOW, 10), claimDue(db, NOW, 10)]);
    expect((first?.length ?? 0) + (second?.length ?? 0)).toBe(3);
    expect(await db.outbox.where('state').equals('inflight').count()).toBe(3);
  });

  it('returns items whose lease ran out (a killed worker) as uncertain, so they are looked for before resending', async () => {
    const db = await queued(1);
    await claimDue(db, NOW, 10);
    expect(await releaseExpiredLeases(db, NOW + LEASE_MS - 1)).toBe(0);
    expect(await releaseExpiredLeases(db, NOW + LEASE_MS)).toBe(1);
    const [item] = await db.outbox.toArray();
    // Looked for from the moment the lost attempt began.
    expect(item).toMatchObject({ state: 'pending', uncertainSince: NOW, nextAttemptAt: NOW + LEASE_MS });
  });

  it('marks the record sent with the host id, or failed with the host reason for a permanent refusal', async () => {
    const db = await queued(2);
    const [a, b] = await claimDue(db, NOW, 10);
    if (!a || !b) throw new Error('nothing claimed');
    await acknowledge(db, a, { kind: 'done', remoteId: 'c42' }, NOW);
    await acknowledge(db, b, { kind: 'permanent', reason: 'HTTP 403: Comments are closed' }, NOW);
    expect((await db.recognitions.get(a.recordId))?.sync).toMatchObject({ state: 'sent', remoteId: 'c42' });
    expect((await db.recognitions.get(b.recordId))?.sync).toMatchObject({
      state: 'failed',
      error: 'HTTP 403: Comments are closed',
    });
    expect(await db.outbox.get(b.id)).toMatchObject({ state: 'failed', attempts: 1 });
  });

  it('backs off after a retryable failure, at least as long as Retry-After asks', async () => {
    const db = await queued(1);
    const [item] = await claimDue(db, NOW, 10);
    if (!item) throw new Error('nothing claimed');
    await acknowledge(db, item, { kind: 'retry', reason: 'HTTP 429', retryAfterMs: 90_000 }, NOW, () => 0);
    expect(await db.outbox.get(item.id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: NOW + 90_000,
    });
  });
});

describe('the sync engine', () => {
  it('delivers every queued thank-you exactly once, with its previewed text, and drains to empty', async () => {
    const db = await queued(12);
    const host = fakeHost();
    const engine = createSyncEngine(db, { now: () => NOW, deliver: host.accept });
    await Promise.all([engine.drain(), engine.drain()]);
    expect(host.landed.map((m) => m.text).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `Danke ${i}!`).sort(),
    );
    expect(await db.outbox.where('state').equals('done').count()).toBe(12);
    expect(await engine.drain()).toBe(0);
  });

  it('keeps to the host documented limit: never more than 10 Viva Engage writes in 30 s', async () => {
    const db = freshDb();
    for (let i = 0; i < 15; i++) {
      await saveRecognition(
        db,
        {
          ...thanks(`v${i}`, { post: postRef(String(i), { host: 'viva-engage' }) }),
          postedText: `Danke ${i}`,
        },
        { sync: true, now: NOW },
      );
    }
    const host = fakeHost();
    let now = NOW;
    const engine = createSyncEngine(db, { now: () => now, deliver: host.accept });
    await engine.drain();
    expect(host.landed).toHaveLength(10);
    now += 30_001;
    await engine.drain();
    expect(host.landed).toHaveLength(15);
  });

  it('after an uncertain attempt, tells the page to look for the earlier write first', async () => {
    const db = await queued(1);
    let now = NOW;
    const seen: Deliver[] = [];
    let calls = 0;
    const engine = createSyncEngine(db, {
      now: () => now,
      deliver: async (_item, message) => {
        seen.push(message);
        calls += 1;
        return calls === 1
          ? { kind: 'uncertain', reason: 'no answer within 25 s' }
          : { kind: 'done', remoteId: 'c1' };
      },
    });
    await engine.drain();
    now += 60 * 60_000;
    await engine.drain();
    expect(seen[0]?.uncertainSince).toBeUndefined();
    expect(seen[1]?.uncertainSince).toBe(NOW);
  });

  it('waits, without using up an attempt, while no tab of the intranet is open', async () => {
    const db = await queued(1);
    const engine = createSyncEngine(db, {
      now: () => NOW,
      deliver: async () => ({ kind: 'wait', reason: 'waiting for an open tab', waitMs: 60_000 }),
    });
    await engine.drain();
    const [item] = await db.outbox.toArray();
    expect(item).toMatchObject({
      state: 'pending',
      attempts: 0,
      nextAttemptAt: NOW + 60_000,
      lastError: 'waiting for an open tab',
    });
  });
});
