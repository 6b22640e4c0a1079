// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { weeklyContributionsOf } from '../../../lib/db/aggregates';
import type { RueckenwindDb } from '../../../lib/db/database';
import type { DailyAggregate } from '../../../lib/db/schemas';
import { InvalidRecordError } from '../../../lib/db/validate';
import {
  BUILTIN_INTRANETS,
  deleteRecognition,
  deleteWeeklyLog,
  deleteWolPost,
  saveRecognition,
  saveWeeklyLog,
  saveWolPost,
  seedBuiltinIntranets,
  setSyncState,
} from '../../../lib/db/writes';
import { freshDb, jonas, lea, murat, NOW, ORIGIN, thanks, weeklyLog, wolPost } from './factories';

const SYNC = { sync: true, now: NOW };
const LOCAL = { sync: false, now: NOW };

function aggregate(day: string, counts: Partial<Omit<DailyAggregate, 'day'>> = {}): DailyAggregate {
  return { day, thanksGiven: 0, thanksReceived: 0, wolPosts: 0, weeklyLogs: 0, ...counts };
}

/** What the aggregate must be: counted from the records themselves (only tests may scan history). */
async function recount(db: RueckenwindDb): Promise<DailyAggregate[]> {
  const rows = new Map<string, DailyAggregate>();
  const bump = (day: string, counter: keyof Omit<DailyAggregate, 'day'>) => {
    const row = rows.get(day) ?? aggregate(day);
    row[counter] += 1;
    rows.set(day, row);
  };
  for (const rec of await db.recognitions.toArray()) {
    bump(rec.day, rec.direction === 'given' ? 'thanksGiven' : 'thanksReceived');
  }
  for (const post of await db.wolPosts.toArray()) bump(post.day, 'wolPosts');
  for (const log of await db.weeklyLogs.toArray()) bump(log.day, 'weeklyLogs');
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** Stored aggregates without the all-zero rows that deletions leave behind. */
async function storedAggregates(db: RueckenwindDb): Promise<DailyAggregate[]> {
  const rows = await db.dailyAggregates.toArray();
  return rows.filter((r) => r.thanksGiven + r.thanksReceived + r.wolPosts + r.weeklyLogs > 0);
}

describe('saveRecognition', () => {
  it('stores the record, counts it and queues a given thank-you in one go', async () => {
    const db = freshDb();
    const item = await saveRecognition(db, thanks('r1'), SYNC);

    expect(await db.recognitions.get('r1')).toEqual(thanks('r1'));
    expect(await db.dailyAggregates.get('2025-03-10')).toEqual(aggregate('2025-03-10', { thanksGiven: 1 }));
    expect(item).toMatchObject({
      kind: 'recognition',
      recordId: 'r1',
      host: 'wordpress',
      origin: ORIGIN,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: NOW,
      createdAt: NOW,
    });
    expect(item?.idempotencyKey).toMatch(/^rueckenwind-[0-9a-f-]{36}$/);
    expect(await db.outbox.toArray()).toEqual([item]);
  });

  it('counts a thank-you to several people once, and received thanks apart from given ones', async () => {
    const db = freshDb();
    await saveRecognition(db, thanks('r1', { to: [jonas, lea, murat] }), SYNC);
    await saveRecognition(db, thanks('r2', { direction: 'received', from: lea, to: [jonas] }), SYNC);
    await saveRecognition(db, thanks('r3', { direction: 'received', from: murat, to: [jonas] }), LOCAL);

    expect(await db.dailyAggregates.get('2025-03-10')).toEqual(
      aggregate('2025-03-10', { thanksGiven: 1, thanksReceived: 2 }),
    );
    // Received thanks came from the intranet; nothing to deliver.
    expect(await db.outbox.where('recordId').anyOf(['r2', 'r3']).count()).toBe(0);
    expect((await db.recognitions.get('r1'))?.to).toEqual([jonas, lea, murat]);
  });

  it('does not queue a thank-you saved without sync', async () => {
    const db = freshDb();
    expect(await saveRecognition(db, thanks('r1'), LOCAL)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('saving the same id again replaces it without counting or queueing twice', async () => {
    const db = freshDb();
    await saveRecognition(db, thanks('r1'), SYNC);
    expect(await saveRecognition(db, thanks('r1', { message: 'Vielen Dank!' }), SYNC)).toBeUndefined();
    await saveRecognition(db, thanks('r1', { day: '2025-03-11', direction: 'received' }), SYNC);

    expect(await storedAggregates(db)).toEqual([aggregate('2025-03-11', { thanksReceived: 1 })]);
    expect(await db.outbox.count()).toBe(1);
  });

  it('rejects an invalid record with a clear error and writes nothing', async () => {
    const db = freshDb();
    const bad = thanks('r1', { to: [], day: '10.03.2025' });
    await expect(saveRecognition(db, bad, SYNC)).rejects.toThrow(InvalidRecordError);
    await expect(saveRecognition(db, bad, SYNC)).rejects.toThrow(
      'Invalid recognitions record: to: too_small; day: invalid_format',
    );
    expect(await db.recognitions.count()).toBe(0);
    expect(await db.dailyAggregates.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses to queue a given thank-you that has no post to answer', async () => {
    const db = freshDb();
    await expect(saveRecognition(db, thanks('r1', { post: undefined }), SYNC)).rejects.toThrow(
      'post: required to deliver',
    );
    expect(await db.recognitions.count()).toBe(0);
  });

  it('rolls back record and aggregate when the outbox write fails inside the transaction', async () => {
    const db = freshDb();
    // Every id the same: the second outbox item collides with the first (a real ConstraintError).
    vi.spyOn(crypto, 'randomUUID').mockReturnValue('00000000-0000-4000-8000-000000000000');
    await saveRecognition(db, thanks('r1'), SYNC);

    await expect(saveRecognition(db, thanks('r2'), SYNC)).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.recognitions.get('r2')).toBeUndefined();
    expect(await db.dailyAggregates.get('2025-03-10')).toEqual(aggregate('2025-03-10', { thanksGiven: 1 }));
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('deleteRecognition', () => {
  it('uncounts the record and drops its queued, not in-flight, deliveries', async () => {
    const db = freshDb();
    const first = await saveRecognition(db, thanks('r1'), SYNC);
    const second = await saveRecognition(db, thanks('r2', { direction: 'received' }), SYNC);
    const third = await saveRecognition(db, thanks('r3'), SYNC);
    if (!first || !third || second) throw new Error('unexpected outbox state');
    await db.outbox.update(third.id, { state: 'inflight', leaseUntil: NOW + 30_000 });

    expect(await deleteRecognition(db, 'r1')).toBe(true);
    expect(await deleteRecognition(db, 'r2')).toBe(true);
    expect(await deleteRecognition(db, 'r3')).toBe(true);
    expect(await deleteRecognition(db, 'r1')).toBe(false);

    expect(await db.recognitions.count()).toBe(0);
    expect(await db.dailyAggregates.get('2025-03-10')).toEqual(aggregate('2025-03-10'));
    expect((await db.outbox.toArray()).map((item) => item.id)).toEqual([third.id]);
  });

  it('never lets a counter go below zero', async () => {
    const db = freshDb();
    await saveRecognition(db, thanks('r1'), LOCAL);
    await db.dailyAggregates.put(aggregate('2025-03-10')); // drifted, e.g. restored from an old backup
    await deleteRecognition(db, 'r1');
    expect(await db.dailyAggregates.get('2025-03-10')).toEqual(aggregate('2025-03-10'));
  });
});

describe('aggregates stay exact under any sequence of writes', () => {
  const day = fc.constantFrom('2025-03-09', '2025-03-10', '2025-03-11');
  const id = fc.constantFrom('a', 'b', 'c', 'd');
  const op = fc.oneof(
    fc.record({
      op: fc.constant('thanks' as const),
      id,
      day,
      direction: fc.constantFrom('given' as const, 'received' as const),
      recipients: fc.integer({ min: 1, max: 3 }),
    }),
    fc.record({ op: fc.constant('delete' as const), id }),
    fc.record({ op: fc.constant('deleteWol' as const), id }),
    fc.record({ op: fc.constant('deleteLog' as const), id }),
    fc.record({ op: fc.constant('wol' as const), id, day }),
    fc.record({ op: fc.constant('log' as const), id, day }),
  );

  it('matches a recount of the records', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const db = freshDb();
        for (const step of ops) {
          if (step.op === 'thanks') {
            const to = [jonas, lea, murat].slice(0, step.recipients);
            await saveRecognition(
              db,
              thanks(step.id, { day: step.day, direction: step.direction, to }),
              SYNC,
            );
          } else if (step.op === 'delete') {
            await deleteRecognition(db, step.id);
          } else if (step.op === 'deleteWol') {
            await deleteWolPost(db, step.id);
          } else if (step.op === 'deleteLog') {
            await deleteWeeklyLog(db, step.id);
          } else if (step.op === 'wol') {
            await saveWolPost(db, wolPost(step.id, { day: step.day }), LOCAL);
          } else {
            await saveWeeklyLog(db, weeklyLog(step.id, { day: step.day }), LOCAL);
          }
        }
        const recounted = await recount(db);
        expect(await storedAggregates(db)).toEqual(recounted);
        // The weeks the popup's streak reads agree with the days, whatever the order of writes.
        const weeks = (await db.weeklyContributions.toArray()).filter((week) => week.contributions > 0);
        expect(weeks).toEqual(weeklyContributionsOf(recounted));
        await db.delete();
      }),
      { numRuns: 40 },
    );
  });
});

describe('saveWolPost', () => {
  it('counts the post and queues it for its own intranet', async () => {
    const db = freshDb();
    const item = await saveWolPost(db, wolPost('w1', { host: 'demo', origin: 'http://127.0.0.1' }), SYNC);
    expect(item).toMatchObject({
      kind: 'wol-post',
      recordId: 'w1',
      host: 'demo',
      origin: 'http://127.0.0.1',
    });
    expect(await db.dailyAggregates.get('2025-03-10')).toEqual(aggregate('2025-03-10', { wolPosts: 1 }));
  });

  it('rejects an empty post', async () => {
    const db = freshDb();
    await expect(saveWolPost(db, wolPost('w1', { text: '   ' }), SYNC)).rejects.toThrow('text: too_small');
    expect(await db.dailyAggregates.count()).toBe(0);
  });
});

describe('saveWeeklyLog', () => {
  const circle = {
    id: 'c1',
    name: 'WOL-Circle Frühjahr',
    startDate: '2025-01-27',
    meeting: { weekday: 2, time: '08:30' },
    remindersOn: true,
    members: [jonas, lea],
    space: { host: 'wordpress' as const, origin: ORIGIN, target: 'wol-circle' },
    createdAt: NOW,
  };

  it('counts the log and queues it for the circle space', async () => {
    const db = freshDb();
    await db.circles.add(circle);
    const item = await saveWeeklyLog(db, weeklyLog('l1', { circleId: 'c1' }), SYNC);
    expect(item).toMatchObject({ kind: 'weekly-log', recordId: 'l1', host: 'wordpress', origin: ORIGIN });
    expect(await db.dailyAggregates.get('2025-03-10')).toEqual(aggregate('2025-03-10', { weeklyLogs: 1 }));
  });

  it('keeps the count when a log is edited', async () => {
    const db = freshDb();
    await saveWeeklyLog(db, weeklyLog('l1'), LOCAL);
    await saveWeeklyLog(db, weeklyLog('l1', { did: 'Mehr geschafft als gedacht.' }), LOCAL);
    expect(await db.dailyAggregates.get('2025-03-10')).toEqual(aggregate('2025-03-10', { weeklyLogs: 1 }));
  });

  it('rolls back when there is no circle space to deliver to', async () => {
    const db = freshDb();
    await expect(saveWeeklyLog(db, weeklyLog('l1', { circleId: 'missing' }), SYNC)).rejects.toThrow(
      'circleId: no circle with a space',
    );
    expect(await db.weeklyLogs.count()).toBe(0);
    expect(await db.dailyAggregates.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('setSyncState', () => {
  it('records the delivery outcome on the right record', async () => {
    const db = freshDb();
    await saveRecognition(db, thanks('r1'), SYNC);
    await saveWolPost(db, wolPost('w1'), LOCAL);
    const sent = { state: 'sent' as const, remoteId: 'comment-42', updatedAt: NOW + 1000 };

    expect(await setSyncState(db, 'recognition', 'r1', sent)).toBe(true);
    expect(
      await setSyncState(db, 'wol-post', 'w1', { state: 'failed', error: 'HTTP 403', updatedAt: NOW }),
    ).toBe(true);
    expect(await setSyncState(db, 'weekly-log', 'r1', sent)).toBe(false);
    expect((await db.recognitions.get('r1'))?.sync).toEqual(sent);
    expect((await db.wolPosts.get('w1'))?.sync.state).toBe('failed');
  });

  it('rejects an invalid state', async () => {
    const db = freshDb();
    await saveRecognition(db, thanks('r1'), LOCAL);
    const bogus = { state: 'delivered', updatedAt: NOW } as unknown as Parameters<typeof setSyncState>[3];
    await expect(setSyncState(db, 'recognition', 'r1', bogus)).rejects.toThrow('state: invalid_value');
    expect((await db.recognitions.get('r1'))?.sync.state).toBe('pending');
  });
});

describe('seedBuiltinIntranets', () => {
  it('adds the demo intranet for 127.0.0.1 and localhost and the SaaS hosts the manifest covers', async () => {
    const db = freshDb();
    await seedBuiltinIntranets(db, NOW);
    const stored = await db.intranets.toArray();
    expect(stored).toHaveLength(BUILTIN_INTRANETS.length);
    expect(stored).toEqual(
      expect.arrayContaining(BUILTIN_INTRANETS.map((entry) => ({ ...entry, addedAt: NOW }))),
    );
    expect(stored.map((entry) => entry.origin)).toEqual(
      expect.arrayContaining([
        'http://127.0.0.1',
        'http://localhost',
        'https://app.slack.com',
        'https://*.atlassian.net',
      ]),
    );
  });

  it("keeps the user's enabled choice and leaves the user's own entries alone", async () => {
    const db = freshDb();
    await seedBuiltinIntranets(db, NOW);
    await db.intranets.update('http://localhost', { enabled: false, name: 'Old name' });
    const own = {
      origin: 'http://127.0.0.1',
      host: 'wordpress' as const,
      name: 'Mein lokales WordPress',
      enabled: true,
      anyPort: false,
      source: 'user' as const,
      addedAt: NOW,
    };
    await db.intranets.put(own);

    await seedBuiltinIntranets(db, NOW + 1000);
    expect(await db.intranets.get('http://localhost')).toEqual({
      ...BUILTIN_INTRANETS[1],
      enabled: false,
      addedAt: NOW,
    });
    expect(await db.intranets.get('http://127.0.0.1')).toEqual(own);
  });
});
