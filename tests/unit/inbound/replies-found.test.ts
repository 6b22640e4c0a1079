import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../lib/background/handlers';
import { openDatabase, type RueckenwindDb } from '../../../lib/db/database';
import { dayKeyOf } from '../../../lib/db/day-key';
import { totalsForDays } from '../../../lib/db/reads';
import { seedBuiltinIntranets } from '../../../lib/db/writes';
import { SCAN_INTERVAL_MS } from '../../../lib/inbound/scan-schedule';
import { type DispatcherDeps, dispatch, type MessageSender } from '../../../lib/messages/dispatcher';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const BLOG = 'http://127.0.0.1:4321';
const WIKI = 'http://localhost:4322';

const tabOn = (origin: string, id = 3): MessageSender => ({
  id: EXTENSION_ID,
  url: `${origin}/2026/11/onboarding/`,
  tab: { id, url: `${origin}/2026/11/onboarding/` },
});

const mara = { name: 'Mara Schneider', id: 'mara' };
const jonas = { name: 'Jonas Weber', id: 'jonas' };

function reply(remoteId: string, text: string, origin = BLOG) {
  return {
    remoteId,
    from: jonas,
    to: mara,
    post: { host: 'wordpress', origin, postId: 'comment-5', author: mara },
    text,
    at: now - 60_000,
  };
}

let db: RueckenwindDb;
let deps: DispatcherDeps;
let now: number;

beforeEach(async () => {
  db = openDatabase(`replies-${crypto.randomUUID()}`);
  now = Date.now();
  // Loopback origins are built-in intranets, as the real test servers are.
  await seedBuiltinIntranets(db, now);
  const clock = { now: () => now, newId: () => crypto.randomUUID() };
  deps = { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, ...createHandlers(db, clock) };
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const hello = (origin: string, scansFor?: string) =>
  dispatch({ type: 'page.hello', origin, ...(scansFor ? { scansFor } : {}) }, tabOn(origin), deps);

describe('looking for thanks received', () => {
  it('tells a page to scan when it opens, then not again for a few minutes on that intranet', async () => {
    expect(await hello(BLOG, 'wordpress')).toMatchObject({ ok: true, value: { scanReplies: true } });
    expect(await hello(BLOG, 'wordpress')).toMatchObject({ ok: true, value: { scanReplies: false } });
    // Another intranet has its own clock.
    expect(await hello(WIKI, 'mediawiki')).toMatchObject({ ok: true, value: { scanReplies: true } });
    now += SCAN_INTERVAL_MS - 1;
    expect(await hello(BLOG, 'wordpress')).toMatchObject({ ok: true, value: { scanReplies: false } });
    now += 1;
    expect(await hello(BLOG, 'wordpress')).toMatchObject({ ok: true, value: { scanReplies: true } });
  });

  it('says nothing about scanning to a script that cannot scan', async () => {
    const result = await hello(BLOG);
    expect(result).toMatchObject({ ok: true });
    expect(result).not.toHaveProperty('value.scanReplies');
  });

  it('keeps the thanks among the replies found, once, however often they are found', async () => {
    const message = {
      type: 'replies.found',
      origin: BLOG,
      host: 'wordpress',
      replies: [reply('comment-9', 'Danke, Mara! #danke'), reply('comment-10', 'Ich bin dabei.')],
    };
    expect(await dispatch(message, tabOn(BLOG), deps)).toEqual({ ok: true, value: { imported: 1 } });
    // Another tab of the same intranet finds the same reply again.
    expect(await dispatch(message, tabOn(BLOG, 4), deps)).toEqual({ ok: true, value: { imported: 0 } });

    const stored = await db.recognitions.toArray();
    expect(stored).toMatchObject([
      { direction: 'received', from: jonas, to: [mara], message: 'Danke, Mara! #danke' },
    ]);
    const today = dayKeyOf(now);
    expect(await totalsForDays(db, today, today)).toMatchObject({ thanksReceived: 1, thanksGiven: 0 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses replies that claim another intranet than the sending tab’s', async () => {
    const message = {
      type: 'replies.found',
      origin: BLOG,
      host: 'wordpress',
      replies: [reply('comment-9', 'Danke!', 'http://127.0.0.1:9999')],
    };
    expect(await dispatch(message, tabOn(BLOG), deps)).toMatchObject({
      ok: false,
      error: { reason: 'errorWrongSender' },
    });
    expect(await db.recognitions.count()).toBe(0);
  });

  it('refuses a malformed list of replies and stores nothing', async () => {
    const message = {
      type: 'replies.found',
      origin: BLOG,
      host: 'wordpress',
      replies: [{ ...reply('comment-9', 'Danke!'), from: { name: '' } }],
    };
    expect(await dispatch(message, tabOn(BLOG), deps)).toMatchObject({
      ok: false,
      error: { reason: 'errorInvalidMessage' },
    });
    expect(await db.recognitions.count()).toBe(0);
  });
});
