import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../lib/background/handlers';
import { openDatabase, type RueckenwindDb } from '../../../lib/db/database';
import { seedBuiltinIntranets } from '../../../lib/db/writes';
import { type DispatcherDeps, dispatch, type MessageSender } from '../../../lib/messages/dispatcher';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const DEMO = 'http://127.0.0.1:4321';

const popup: MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/popup.html` };
const demoTab: MessageSender = {
  id: EXTENSION_ID,
  url: `${DEMO}/posts/7`,
  tab: { id: 3, url: `${DEMO}/posts/7` },
};
const strangerTab: MessageSender = {
  id: EXTENSION_ID,
  url: 'https://evil.example/feed',
  tab: { id: 4, url: 'https://evil.example/feed' },
};

function saveMessage(origin = DEMO) {
  return {
    type: 'recognition.save',
    post: {
      host: 'demo',
      origin,
      postId: '7',
      permalink: `${origin}/posts/7`,
      author: { name: 'Anna Schmidt', id: 'anna.schmidt', profileUrl: `${origin}/people/anna.schmidt` },
    },
    from: { name: 'Mara Keller', id: 'mara.keller' },
    to: [{ name: 'Anna Schmidt', id: 'anna.schmidt' }],
    message: 'Danke für die schnelle Hilfe!',
    value: 'Teamgeist',
    postedText: 'Danke, Anna Schmidt!\n\nDanke für die schnelle Hilfe!\n\n#Teamgeist #danke',
  };
}

let db: RueckenwindDb;
let deps: DispatcherDeps;
let ids = 0;

beforeEach(async () => {
  db = openDatabase(`dispatcher-${crypto.randomUUID()}`);
  await seedBuiltinIntranets(db, Date.now());
  const clock = { now: () => Date.now(), newId: () => `rec-${++ids}` };
  deps = { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, ...createHandlers(db, clock) };
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function storedCount() {
  return db.recognitions.count();
}

describe('the background dispatcher', () => {
  it('saves a thank-you from a tab on an enabled intranet and counts it for today', async () => {
    const result = await dispatch(saveMessage(), demoTab, deps);
    expect(result).toEqual({ ok: true, value: { id: expect.any(String), state: 'pending' } });
    const [record] = await db.recognitions.toArray();
    expect(record?.to).toEqual([{ name: 'Anna Schmidt', id: 'anna.schmidt' }]);
    expect(record?.direction).toBe('given');
    const aggregates = await db.dailyAggregates.toArray();
    expect(aggregates.map((a) => a.thanksGiven)).toEqual([1]);
    expect(await db.outbox.count()).toBe(1);
  });

  it('answers which posts on the page were already thanked', async () => {
    await dispatch(saveMessage(), demoTab, deps);
    const result = await dispatch({ type: 'posts.status', origin: DEMO, postIds: ['7', '8'] }, demoTab, deps);
    expect(result).toEqual({ ok: true, value: { posts: [{ postId: '7', state: 'pending' }] } });
  });

  it('stores the exact text the user previewed', async () => {
    await dispatch(saveMessage(), demoTab, deps);
    const [record] = await db.recognitions.toArray();
    expect(record?.postedText).toBe(saveMessage().postedText);
  });

  it('greets a content script on an enabled intranet with the user settings', async () => {
    await dispatch({ type: 'settings.update', patch: { addressForm: 'du', values: ['Mut'] } }, popup, deps);
    const result = await dispatch({ type: 'page.hello', origin: DEMO }, demoTab, deps);
    expect(result).toEqual({ ok: true, value: { values: ['Mut'], addressForm: 'du', wolHashtag: '#WOL' } });
  });

  it('refuses to greet a content script on a site that is not an enabled intranet', async () => {
    const result = await dispatch({ type: 'page.hello', origin: 'https://evil.example' }, strangerTab, deps);
    expect(result).toMatchObject({ ok: false, error: { reason: 'errorNotEnabled' } });
  });

  it('saves a work-out-loud post with its link and queues it, counted for today', async () => {
    const { post } = saveMessage();
    const result = await dispatch(
      {
        type: 'wolPost.save',
        origin: DEMO,
        text: 'Was ich gelernt habe: …\n\n#WOL',
        template: 'learned',
        linkedPost: post,
      },
      demoTab,
      deps,
    );
    expect(result).toEqual({ ok: true, value: { id: expect.any(String) } });
    const [saved] = await db.wolPosts.toArray();
    expect(saved).toMatchObject({ host: 'demo', template: 'learned', linkedPost: { postId: '7' } });
    expect((await db.dailyAggregates.toArray()).map((a) => a.wolPosts)).toEqual([1]);
    expect(
      await db.outbox
        .where('recordId')
        .equals(saved?.id ?? '')
        .count(),
    ).toBe(1);
  });

  it('puts a failed thank-you back in the queue when the user retries', async () => {
    const saved = await dispatch(saveMessage(), demoTab, deps);
    if (!saved.ok) throw new Error('save failed');
    const { id } = saved.value as { id: string };
    await db.recognitions.update(id, { sync: { state: 'failed', error: 'HTTP 403', updatedAt: 1 } });
    await db.outbox
      .where('recordId')
      .equals(id)
      .modify({ state: 'failed', attempts: 5, lastError: 'HTTP 403' });

    const result = await dispatch({ type: 'recognition.retry', origin: DEMO, postId: '7' }, demoTab, deps);
    expect(result).toEqual({ ok: true, value: { retried: true } });
    expect((await db.recognitions.get(id))?.sync.state).toBe('pending');
    expect(await db.outbox.where('recordId').equals(id).first()).toMatchObject({
      state: 'pending',
      attempts: 0,
    });
  });

  it('rejects settings that are not valid', async () => {
    const result = await dispatch({ type: 'settings.update', patch: { wolHashtag: 'no hash' } }, popup, deps);
    expect(result).toEqual({ ok: false, error: { reason: 'errorInvalidMessage' } });
  });

  it.each([
    ['an unknown type', { type: 'recognition.burn' }],
    ['no type at all', 'hello'],
    ['an empty message', { ...saveMessage(), message: '   ' }],
    ['no recipient', { ...saveMessage(), to: [] }],
    [
      'a javascript: profile link',
      { ...saveMessage(), from: { name: 'X', profileUrl: 'javascript:alert(1)' } },
    ],
    ['a message over 2000 characters', { ...saveMessage(), message: 'x'.repeat(2001) }],
  ])('rejects a malformed message (%s) and writes nothing', async (_label, raw) => {
    const result = await dispatch(raw, demoTab, deps);
    expect(result).toEqual({ ok: false, error: { reason: 'errorInvalidMessage' } });
    expect(await storedCount()).toBe(0);
  });

  it('rejects a UI message sent by a content script', async () => {
    const result = await dispatch({ type: 'recognition.delete', id: 'rec-1' }, demoTab, deps);
    expect(result).toMatchObject({ ok: false, error: { reason: 'errorWrongSender' } });
  });

  it('rejects a content message from a tab whose origin is not an enabled intranet', async () => {
    const result = await dispatch(saveMessage('https://evil.example'), strangerTab, deps);
    expect(result).toMatchObject({ ok: false, error: { reason: 'errorNotEnabled' } });
    expect(await storedCount()).toBe(0);
  });

  it('rejects a content message once the user disabled that intranet', async () => {
    await db.intranets.update('http://127.0.0.1', { enabled: false });
    const result = await dispatch(saveMessage(), demoTab, deps);
    expect(result).toMatchObject({ ok: false, error: { reason: 'errorNotEnabled' } });
  });

  it('rejects a content message that claims to act for another origin', async () => {
    const result = await dispatch(saveMessage('http://127.0.0.1:9999'), demoTab, deps);
    expect(result).toMatchObject({ ok: false, error: { reason: 'errorWrongSender' } });
    expect(await storedCount()).toBe(0);
  });

  it('rejects a content message sent from an extension page', async () => {
    const result = await dispatch(saveMessage(), popup, deps);
    expect(result).toMatchObject({ ok: false, error: { reason: 'errorWrongSender' } });
  });

  it('rejects messages from another extension', async () => {
    const result = await dispatch(saveMessage(), { ...demoTab, id: 'someone-else' }, deps);
    expect(result).toMatchObject({ ok: false, error: { reason: 'errorWrongSender' } });
  });

  it('lets the popup delete a thank-you, which uncounts it', async () => {
    const saved = await dispatch(saveMessage(), demoTab, deps);
    if (!saved.ok) throw new Error('save failed');
    const { id } = saved.value as { id: string };
    expect(await dispatch({ type: 'recognition.delete', id }, popup, deps)).toEqual({
      ok: true,
      value: { id },
    });
    expect(await storedCount()).toBe(0);
    expect((await db.dailyAggregates.toArray()).map((a) => a.thanksGiven)).toEqual([0]);
  });
});
