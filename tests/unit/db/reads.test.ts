// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../lib/db/day-key';
import { findEnabledIntranet, thanksStateOfPosts, totalsForDays } from '../../../lib/db/reads';
import { saveRecognition, saveWeeklyLog, saveWolPost, seedBuiltinIntranets } from '../../../lib/db/writes';
import { freshDb, lea, NOW, ORIGIN, postRef, thanks, weeklyLog, wolPost } from './factories';

const LOCAL = { sync: false, now: NOW };

describe('totalsForDays', () => {
  it('sums a week from the daily aggregate alone', async () => {
    const db = freshDb();
    const monday = '2025-03-10';
    await saveRecognition(db, thanks('before', { day: addDays(monday, -1) }), LOCAL);
    await saveRecognition(db, thanks('mon', { day: monday }), LOCAL);
    await saveRecognition(db, thanks('wed', { day: addDays(monday, 2), direction: 'received' }), LOCAL);
    await saveWolPost(db, wolPost('w1', { day: addDays(monday, 3) }), LOCAL);
    await saveWeeklyLog(db, weeklyLog('l1', { day: addDays(monday, 6) }), LOCAL);
    await saveRecognition(db, thanks('after', { day: addDays(monday, 7) }), LOCAL);
    const expected = { thanksGiven: 1, thanksReceived: 1, wolPosts: 1, weeklyLogs: 1 };

    expect(await totalsForDays(db, monday, addDays(monday, 6))).toEqual(expected);
    // With the history gone the answer is the same: nothing but the aggregate was read.
    await Promise.all([db.recognitions.clear(), db.wolPosts.clear(), db.weeklyLogs.clear()]);
    expect(await totalsForDays(db, monday, addDays(monday, 6))).toEqual(expected);
  });

  it('is zero for an empty or reversed range', async () => {
    const db = freshDb();
    const zero = { thanksGiven: 0, thanksReceived: 0, wolPosts: 0, weeklyLogs: 0 };
    expect(await totalsForDays(db, '2025-03-10', '2025-03-16')).toEqual(zero);
    await saveRecognition(db, thanks('r1'), LOCAL);
    expect(await totalsForDays(db, '2025-03-16', '2025-03-10')).toEqual(zero);
  });
});

describe('thanksStateOfPosts', () => {
  it('returns the posts on that origin the user thanked', async () => {
    const db = freshDb();
    await saveRecognition(db, thanks('r1', { post: postRef('1412') }), LOCAL);
    await saveRecognition(db, thanks('r2', { post: postRef('1415') }), LOCAL);
    // Someone thanked the user for post 1420: not the user's own thanks.
    await saveRecognition(
      db,
      thanks('r3', { direction: 'received', from: lea, post: postRef('1420') }),
      LOCAL,
    );
    await saveRecognition(
      db,
      thanks('r4', { post: postRef('1430', { origin: 'https://other.example' }) }),
      LOCAL,
    );
    await saveRecognition(db, thanks('r5', { post: undefined }), LOCAL);

    const states = await thanksStateOfPosts(db, ORIGIN, ['1412', '1415', '1420', '1430', '9999']);
    expect([...states.keys()].sort()).toEqual(['1412', '1415']);
    expect(await thanksStateOfPosts(db, ORIGIN, [])).toEqual(new Map());
  });

  it('reports the state of the latest thank-you when a post was thanked twice', async () => {
    const db = freshDb();
    const first = thanks('r1', { post: postRef('1412') });
    await saveRecognition(db, { ...first, sync: { state: 'sent', updatedAt: 1 } }, LOCAL);
    await saveRecognition(
      db,
      {
        ...thanks('r2', { post: postRef('1412') }),
        createdAt: first.createdAt + 1000,
        sync: { state: 'failed', error: 'HTTP 403', updatedAt: 2 },
      },
      LOCAL,
    );
    expect((await thanksStateOfPosts(db, ORIGIN, ['1412'])).get('1412')).toMatchObject({
      state: 'failed',
      error: 'HTTP 403',
    });
  });
});

describe('findEnabledIntranet', () => {
  async function seeded() {
    const db = freshDb();
    await seedBuiltinIntranets(db, NOW);
    await db.intranets.bulkPut([
      {
        origin: ORIGIN,
        host: 'wordpress',
        name: 'Intranet',
        enabled: true,
        anyPort: false,
        source: 'user',
        addedAt: NOW,
      },
      {
        origin: 'https://wiki.example-gmbh.de',
        host: 'mediawiki',
        name: 'Wiki',
        enabled: false,
        anyPort: false,
        source: 'user',
        addedAt: NOW,
      },
      {
        origin: 'http://localhost:3000',
        host: 'demo',
        name: 'Turned off',
        enabled: false,
        anyPort: false,
        source: 'user',
        addedAt: NOW,
      },
    ]);
    return db;
  }

  it('matches the built-in demo intranet on any loopback port', async () => {
    const db = await seeded();
    expect((await findEnabledIntranet(db, 'http://127.0.0.1:5173/posts/17'))?.origin).toBe(
      'http://127.0.0.1',
    );
    expect((await findEnabledIntranet(db, 'http://127.0.0.1/'))?.origin).toBe('http://127.0.0.1');
    expect((await findEnabledIntranet(db, 'HTTP://LOCALHOST:8080/'))?.origin).toBe('http://localhost');
  });

  it('matches a user entry by exact origin only', async () => {
    const db = await seeded();
    expect((await findEnabledIntranet(db, `${ORIGIN}/2025/03/handbuch/?x=1#c`))?.host).toBe('wordpress');
    expect(await findEnabledIntranet(db, `${ORIGIN}:8443/`)).toBeUndefined();
    expect(await findEnabledIntranet(db, 'http://intranet.example-gmbh.de/')).toBeUndefined();
  });

  it('ignores disabled entries, and an exact disabled entry wins over an any-port one', async () => {
    const db = await seeded();
    expect(await findEnabledIntranet(db, 'https://wiki.example-gmbh.de/wiki/Hauptseite')).toBeUndefined();
    expect(await findEnabledIntranet(db, 'http://localhost:3000/')).toBeUndefined();
    await db.intranets.update('http://127.0.0.1', { enabled: false });
    expect(await findEnabledIntranet(db, 'http://127.0.0.1:5173/')).toBeUndefined();
  });

  it('is not fooled by look-alike hosts, other schemes or garbage', async () => {
    const db = await seeded();
    for (const url of [
      'https://127.0.0.1:5173/', // the demo entry is http only
      'http://127.0.0.1.evil.example/',
      'http://127.0.0.1@evil.example/',
      'http://evil.example/?next=http://127.0.0.1',
      'file:///etc/passwd',
      'chrome://extensions',
      'not a url',
      '',
    ]) {
      expect(await findEnabledIntranet(db, url), url).toBeUndefined();
    }
  });
});

describe('findEnabledIntranet for SaaS hosts with a subdomain per customer', () => {
  it('matches https://acme.atlassian.net through the built-in https://*.atlassian.net entry', async () => {
    const db = freshDb();
    await seedBuiltinIntranets(db, 1);
    expect((await findEnabledIntranet(db, 'https://acme.atlassian.net/wiki/spaces/HR/pages/1'))?.host).toBe(
      'confluence',
    );
    expect(await findEnabledIntranet(db, 'https://atlassian.net.evil.example/wiki')).toBeUndefined();
    expect(await findEnabledIntranet(db, 'http://acme.atlassian.net/wiki')).toBeUndefined();
  });
});
