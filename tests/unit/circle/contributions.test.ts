import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../lib/background/handlers';
import { withThanksContribution } from '../../../lib/circle/contributions';
import { openDatabase, type RueckenwindDb } from '../../../lib/db/database';
import type { Recognition, Relationship } from '../../../lib/db/schemas';
import { seedBuiltinIntranets } from '../../../lib/db/writes';
import { type DispatcherDeps, dispatch, type MessageSender } from '../../../lib/messages/dispatcher';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const DEMO = 'http://127.0.0.1:4321';
const circlePage: MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/circle.html` };
const demoTab: MessageSender = { id: EXTENSION_ID, url: `${DEMO}/`, tab: { id: 3, url: `${DEMO}/` } };
const anna = { name: 'Anna Schmidt', id: 'anna.schmidt', profileUrl: `${DEMO}/people/anna.schmidt` };

function thankAnna(message = 'Danke für die schnelle Hilfe!') {
  return {
    type: 'recognition.save',
    post: { host: 'demo', origin: DEMO, postId: '7', author: anna },
    from: { name: 'Mara Keller', id: 'mara.keller' },
    to: [anna],
    message,
    postedText: `Danke, Anna Schmidt!\n\n${message}`,
  };
}

let db: RueckenwindDb;
let deps: DispatcherDeps;
let ids = 0;
const now = Date.UTC(2025, 4, 20, 12);
const noReminders = { schedule: async () => undefined, clear: async () => undefined };

beforeEach(async () => {
  db = openDatabase(`circle-${crypto.randomUUID()}`);
  await seedBuiltinIntranets(db, now);
  deps = {
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    ...createHandlers(db, { now: () => now, newId: () => `id-${++ids}` }),
  };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a thank-you to someone on the relationship list', () => {
  it('goes from the relationship list when the user deletes the thank-you', async () => {
    await dispatch(
      { type: 'relationship.save', person: { name: 'Anna Schmidt' }, closeness: 2 },
      circlePage,
      deps,
    );
    await dispatch(thankAnna('Erster Dank'), demoTab, deps);
    await dispatch(
      { ...thankAnna('Zweiter Dank'), post: { ...thankAnna().post, postId: '8' } },
      demoTab,
      deps,
    );
    const first = (await db.recognitions.toArray()).find((rec) => rec.message === 'Erster Dank');

    const deleted = await dispatch({ type: 'recognition.delete', id: first?.id ?? '' }, circlePage, deps);

    expect(deleted).toMatchObject({ ok: true });
    const [relationship] = await db.relationships.toArray();
    expect(relationship?.contributions.map((entry) => entry.note)).toEqual(['Zweiter Dank']);
  });

  it('is recorded as a contribution to that person when the background saves it', async () => {
    const added = await dispatch(
      { type: 'relationship.save', person: { name: 'Anna Schmidt' }, closeness: 2 },
      circlePage,
      deps,
    );
    expect(added).toMatchObject({ ok: true });
    const saved = await dispatch(thankAnna(), demoTab, deps);
    expect(saved).toMatchObject({ ok: true });
    const [relationship] = await db.relationships.toArray();
    expect(relationship?.contributions).toEqual([
      { at: now, kind: 'thanks', note: 'Danke für die schnelle Hilfe!', recognitionId: expect.any(String) },
    ]);
  });

  it('leaves people the user did not thank alone', async () => {
    await dispatch(
      { type: 'relationship.save', person: { name: 'Jonas Weber' }, closeness: 1 },
      circlePage,
      deps,
    );
    await dispatch(thankAnna(), demoTab, deps);
    const [relationship] = await db.relationships.toArray();
    expect(relationship?.contributions).toEqual([]);
  });

  it('is counted once even when recorded again, and only for the right person of the same name', () => {
    const relationship: Relationship = {
      id: 'r1',
      person: { name: 'Anna Schmidt', id: 'anna.schmidt' },
      closeness: 3,
      contributions: [],
      createdAt: now,
    };
    const recognition: Recognition = {
      id: 'rec-1',
      direction: 'given',
      from: { name: 'Mara Keller' },
      to: [{ name: 'Anna Schmidt', id: 'anna.schmidt' }],
      message: 'Danke!',
      createdAt: now,
      day: '2025-05-20',
      sync: { state: 'pending', updatedAt: now },
    };
    const once = withThanksContribution(relationship, recognition);
    expect(once?.contributions).toHaveLength(1);
    expect(once && withThanksContribution(once, recognition)).toBeUndefined();
    const namesake = { ...recognition, to: [{ name: 'Anna Schmidt', id: 'anna.schmidt2' }] };
    expect(withThanksContribution(relationship, namesake)).toBeUndefined();
    expect(withThanksContribution(relationship, { ...recognition, direction: 'received' })).toBeUndefined();
  });
});

describe('the circle messages', () => {
  it('refuse a relationship sent from an intranet page', async () => {
    const result = await dispatch(
      { type: 'relationship.save', person: { name: 'Anna Schmidt' }, closeness: 2 },
      demoTab,
      deps,
    );
    expect(result).toMatchObject({ ok: false, error: { reason: 'errorWrongSender' } });
    expect(await db.relationships.count()).toBe(0);
  });

  it('keep one log per circle and week, and never put the confidence in the shared text', async () => {
    const { createCircleHandlers } = await import('../../../lib/circle/handlers');
    let queued = 0;
    const handlers = createCircleHandlers(
      db,
      { now: () => now, newId: () => `id-${++ids}` },
      () => queued++,
      noReminders,
    );
    const circle = await handlers['circle.save']({
      type: 'circle.save',
      circle: {
        name: 'Frühjahr',
        startDate: '2025-05-06',
        meeting: { weekday: 2, time: '08:30' },
        remindersOn: true,
        members: [],
        space: { host: 'demo', origin: DEMO, target: 'WOL-Circle Frühjahr' },
      },
    });
    if (!circle.ok) throw new Error('circle not saved');
    const log = {
      type: 'weeklyLog.save',
      circleId: circle.value.id,
      weekStart: '2025-05-19',
      did: 'Zwei Interviews geführt.',
      contributions: '',
      next: 'Ergebnisse teilen.',
      confidence: 2,
    } as const;
    const first = await handlers['weeklyLog.save'](log);
    expect(first).toMatchObject({ ok: true, value: { state: 'local' } });
    const shared = await handlers['weeklyLog.save']({
      ...log,
      confidence: 4,
      share: 'WOL-Circle „Frühjahr“, Woche 3 von 12',
    });
    expect(shared).toMatchObject({ ok: true, value: { state: 'pending' } });
    const logs = await db.weeklyLogs.toArray();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ confidence: 4, postedText: 'WOL-Circle „Frühjahr“, Woche 3 von 12' });
    expect((await db.outbox.toArray()).map((item) => [item.kind, item.recordId, item.origin])).toEqual([
      ['weekly-log', logs[0]?.id, DEMO],
    ]);
    expect(queued).toBe(1);
    expect((await db.dailyAggregates.toArray()).map((row) => row.weeklyLogs)).toEqual([1]);
  });
});

describe('an intranet page asking about circles', () => {
  it('learns whose posts to mark and hands in shared logs only for circles on that intranet', async () => {
    await dispatch(
      {
        type: 'circle.save',
        circle: {
          name: 'Frühjahr',
          startDate: '2025-05-06',
          meeting: { weekday: 2, time: '08:30' },
          remindersOn: false,
          members: [],
          space: { host: 'demo', origin: DEMO, target: 'Frühjahr' },
        },
      },
      circlePage,
      deps,
    );
    await dispatch({ type: 'relationship.save', person: anna, closeness: 1 }, circlePage, deps);
    const seen = {
      circleName: 'Frühjahr',
      week: 2,
      author: { name: 'Jonas Weber', id: 'jonas.weber' },
      postId: '31',
    };
    const reply = await dispatch({ type: 'circle.page', origin: DEMO, logs: [seen] }, demoTab, deps);
    expect(reply).toEqual({ ok: true, value: { people: [anna], readsLogs: true, hasCircle: true } });
    const [circle] = await db.circles.toArray();
    expect(circle?.sharedLogs).toEqual([{ author: seen.author, week: 2, postId: '31', seenAt: now }]);

    // A page may only speak for its own origin.
    const forged = await dispatch(
      { type: 'circle.page', origin: 'http://127.0.0.1:9999', logs: [] },
      demoTab,
      deps,
    );
    expect(forged).toMatchObject({ ok: false, error: { reason: 'errorWrongSender' } });
  });
});
