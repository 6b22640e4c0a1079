import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../lib/background/handlers';
import { openDatabase, type RueckenwindDb } from '../../../lib/db/database';
import { seedBuiltinIntranets } from '../../../lib/db/writes';
import { type DispatcherDeps, dispatch, type MessageSender } from '../../../lib/messages/dispatcher';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const DEMO = 'http://127.0.0.1:4321';
/** Another intranet the user has enabled (the demo intranet on another port is one). */
const OTHER = 'http://127.0.0.1:5678';

const tabOn = (origin: string, id: number): MessageSender => ({
  id: EXTENSION_ID,
  url: `${origin}/feed`,
  tab: { id, url: `${origin}/feed` },
});
const demoTab = tabOn(DEMO, 3);

const post = (postId: string) => ({
  host: 'demo' as const,
  origin: DEMO,
  postId,
  permalink: `${DEMO}/posts/${postId}`,
  author: { name: 'Anna Schmidt', id: 'anna.schmidt' },
});

let db: RueckenwindDb;
let deps: DispatcherDeps;
let ids = 0;
let now: number;

beforeEach(async () => {
  db = openDatabase(`wol-state-${crypto.randomUUID()}`);
  now = Date.now();
  await seedBuiltinIntranets(db, now);
  const clock = { now: () => now, newId: () => `wol-${++ids}` };
  deps = {
    extensionId: EXTENSION_ID,
    extensionOrigin: `chrome-extension://${EXTENSION_ID}`,
    ...createHandlers(db, clock),
  };
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function saveWol(text: string, linked?: string): Promise<string> {
  const saved = await dispatch(
    { type: 'wolPost.save', origin: DEMO, text, linkedPost: linked ? post(linked) : undefined },
    demoTab,
    deps,
  );
  if (!saved.ok) throw new Error('save failed');
  now += 1000;
  return (saved.value as { id: string }).id;
}

async function failDelivery(id: string, error: string) {
  await db.wolPosts.update(id, { sync: { state: 'failed', error, updatedAt: now } });
  await db.outbox.where('recordId').equals(id).modify({ state: 'failed', attempts: 1, lastError: error });
}

describe("the posts' status, for work-out-loud posts", () => {
  it('tells, per post on the page, how the latest WOL post that links it stands', async () => {
    await saveWol('Woran ich arbeite', '7');
    const latest = await saveWol('Was ich gelernt habe', '7');
    await failDelivery(latest, 'HTTP 403: Posting is paused');
    const other = await saveWol('Wobei ich Hilfe brauche', '8');
    await saveWol('Ohne Link');

    const result = await dispatch(
      { type: 'posts.status', origin: DEMO, postIds: ['7', '8', '9'] },
      demoTab,
      deps,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        posts: [],
        wol: [
          { postId: '8', id: other, state: 'pending' },
          { postId: '7', id: latest, state: 'failed', error: 'HTTP 403: Posting is paused' },
        ],
      },
    });
  });

  it('says nothing about WOL posts when no post on the page is linked by one', async () => {
    await saveWol('Woran ich arbeite', '7');
    const result = await dispatch({ type: 'posts.status', origin: DEMO, postIds: ['1', '2'] }, demoTab, deps);
    expect(result).toEqual({ ok: true, value: { posts: [] } });
  });
});

describe('retrying a work-out-loud post', () => {
  it('puts exactly that failed WOL post back in the queue', async () => {
    const kept = await saveWol('Woran ich arbeite', '7');
    await failDelivery(kept, 'HTTP 500');
    const id = await saveWol('Was ich gelernt habe');
    await failDelivery(id, 'HTTP 403: Posting is paused');

    const result = await dispatch({ type: 'wolPost.retry', origin: DEMO, id }, demoTab, deps);
    expect(result).toEqual({ ok: true, value: { retried: true } });
    expect((await db.wolPosts.get(id))?.sync.state).toBe('pending');
    expect(await db.outbox.where('recordId').equals(id).first()).toMatchObject({
      state: 'pending',
      attempts: 0,
    });
    expect((await db.wolPosts.get(kept))?.sync.state).toBe('failed');
  });

  it('does nothing for a WOL post that has not failed', async () => {
    const id = await saveWol('Woran ich arbeite', '7');
    const result = await dispatch({ type: 'wolPost.retry', origin: DEMO, id }, demoTab, deps);
    expect(result).toEqual({ ok: true, value: { retried: false } });
    expect(await db.outbox.where('recordId').equals(id).first()).toMatchObject({ state: 'pending' });
  });

  it("refuses to touch another intranet's WOL post", async () => {
    const id = await saveWol('Woran ich arbeite', '7');
    await failDelivery(id, 'HTTP 500');
    const result = await dispatch({ type: 'wolPost.retry', origin: OTHER, id }, tabOn(OTHER, 4), deps);
    expect(result).toEqual({ ok: true, value: { retried: false } });
    expect((await db.wolPosts.get(id))?.sync.state).toBe('failed');
  });

  it('refuses a retry that claims another origin than its tab', async () => {
    const result = await dispatch({ type: 'wolPost.retry', origin: DEMO, id: 'x' }, tabOn(OTHER, 4), deps);
    expect(result).toMatchObject({ ok: false, error: { reason: 'errorWrongSender' } });
  });
});
