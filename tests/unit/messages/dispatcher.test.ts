import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../lib/background/handlers';
import { openDatabase, type RueckenwindDb } from '../../../lib/db/database';
import { seedBuiltinIntranets } from '../../../lib/db/writes';
import { type DispatcherDeps, dispatch, type MessageSender } from '../../../lib/messages/dispatcher';
import { openTeachSession, TEACH_SESSION_MS } from '../../../lib/teach/store';

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
let now: number;

beforeEach(async () => {
  db = openDatabase(`dispatcher-${crypto.randomUUID()}`);
  now = Date.now();
  await seedBuiltinIntranets(db, now);
  const clock = { now: () => now, newId: () => `rec-${++ids}` };
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

describe('the teaching picker, on a site that is not enabled yet', () => {
  const PORTAL = 'https://portal.musterwerk.example';
  const TEACHING_TAB = 9;
  const teachingTab: MessageSender = {
    id: EXTENSION_ID,
    url: `${PORTAL}/news`,
    tab: { id: TEACHING_TAB, url: `${PORTAL}/news` },
  };
  const hello = { type: 'teach.hello', origin: PORTAL };
  const selectors = { post: 'div.feed-card', author: ':scope a.card-author' };

  beforeEach(async () => {
    await openTeachSession(db, TEACHING_TAB, PORTAL, now);
  });

  it('is heard from the tab the user started teaching in, for that tab’s site', async () => {
    expect(await dispatch(hello, teachingTab, deps)).toEqual({ ok: true, value: { addressForm: 'sie' } });
  });

  it('is refused from another tab on the same site', async () => {
    const otherTab = { ...teachingTab, tab: { id: TEACHING_TAB + 1, url: `${PORTAL}/news` } };
    expect(await dispatch(hello, otherTab, deps)).toMatchObject({
      ok: false,
      error: { reason: 'errorWrongSender' },
    });
  });

  it('is refused once the session expired', async () => {
    now += TEACH_SESSION_MS - 1;
    expect(await dispatch(hello, teachingTab, deps)).toMatchObject({ ok: true });
    now += 1;
    expect(await dispatch(hello, teachingTab, deps)).toMatchObject({
      ok: false,
      error: { reason: 'errorWrongSender' },
    });
  });

  it('is refused when the teaching tab moved on to another site', async () => {
    const moved = { ...teachingTab, url: 'https://evil.example/', tab: { id: TEACHING_TAB } };
    expect(await dispatch({ ...hello, origin: 'https://evil.example' }, moved, deps)).toMatchObject({
      ok: false,
      error: { reason: 'errorWrongSender' },
    });
  });

  it('is refused when it claims another origin than its tab’s', async () => {
    const save = { type: 'teach.save', origin: 'https://evil.example', selectors };
    expect(await dispatch(save, teachingTab, deps)).toMatchObject({
      ok: false,
      error: { reason: 'errorWrongSender' },
    });
    expect(await db.taughtSites.count()).toBe(0);
  });

  it('is refused from an extension page and from another extension', async () => {
    expect(await dispatch(hello, popup, deps)).toMatchObject({ error: { reason: 'errorWrongSender' } });
    expect(await dispatch(hello, { ...teachingTab, id: 'someone-else' }, deps)).toMatchObject({
      error: { reason: 'errorWrongSender' },
    });
  });

  it('opens nothing else: the page’s other content messages are still refused there', async () => {
    expect(await dispatch({ type: 'page.hello', origin: PORTAL }, teachingTab, deps)).toMatchObject({
      ok: false,
      error: { reason: 'errorNotEnabled' },
    });
    expect(await dispatch(saveMessage(PORTAL), teachingTab, deps)).toMatchObject({
      error: { reason: 'errorNotEnabled' },
    });
    expect(await storedCount()).toBe(0);
  });

  it.each([
    ['an author selector not anchored at the post', { ...selectors, author: 'a.card-author' }],
    ['no post selector', { author: ':scope a' }],
    ['a selector over 400 characters', { ...selectors, post: `div${'.x'.repeat(200)}` }],
    ['a post id attribute that is not a name', { ...selectors, postIdAttribute: 'onclick="x"' }],
  ])('rejects selectors with %s and stores nothing', async (_label, bad) => {
    const result = await dispatch({ type: 'teach.save', origin: PORTAL, selectors: bad }, teachingTab, deps);
    expect(result).toEqual({ ok: false, error: { reason: 'errorInvalidMessage' } });
    expect(await db.taughtSites.count()).toBe(0);
  });

  it('is refused after the user cancelled', async () => {
    expect(await dispatch({ type: 'teach.cancel', origin: PORTAL }, teachingTab, deps)).toEqual({
      ok: true,
      value: { origin: PORTAL },
    });
    expect(await dispatch(hello, teachingTab, deps)).toMatchObject({ error: { reason: 'errorWrongSender' } });
  });
});
