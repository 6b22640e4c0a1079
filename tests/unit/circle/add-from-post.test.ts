import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../lib/background/handlers';
import { addToNewestCircle } from '../../../lib/circle/add-from-post';
import { openDatabase, type RueckenwindDb } from '../../../lib/db/database';
import type { Circle } from '../../../lib/db/schemas';
import { seedBuiltinIntranets } from '../../../lib/db/writes';
import { dispatch } from '../../../lib/messages/dispatcher';

let db: RueckenwindDb;
let ids = 0;
const clock = { now: () => 1_000, newId: () => `r-${++ids}` };
const circle = (id: string, createdAt: number): Circle => ({
  id,
  name: id,
  startDate: '2025-03-04',
  meeting: { weekday: 2, time: '18:00' },
  remindersOn: false,
  members: [],
  createdAt,
});
const anna = {
  name: 'Anna Schmidt',
  id: 'anna.schmidt',
  profileUrl: 'http://127.0.0.1:4321/people/anna.schmidt',
};

beforeEach(() => {
  db = openDatabase(`add-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('adding a post’s author to the relationship list', () => {
  it('puts the author on the newest circle’s list once, at closeness 0', async () => {
    await db.circles.bulkPut([circle('old', 1), circle('new', 2)]);
    expect(await addToNewestCircle(db, anna, clock)).toBe(true);
    expect(await addToNewestCircle(db, anna, clock)).toBe(true);
    const list = await db.relationships.toArray();
    expect(list).toEqual([
      {
        id: expect.any(String),
        circleId: 'new',
        person: anna,
        closeness: 0,
        contributions: [],
        createdAt: 1_000,
      },
    ]);
  });

  it('needs a circle', async () => {
    expect(await addToNewestCircle(db, anna, clock)).toBe(false);
    expect(await db.relationships.count()).toBe(0);
  });
});

describe('“Add to my list” on a post (circle.addAuthor from the content script)', () => {
  const extensionId = 'abcdefghijklmnopabcdefghijklmnop';
  const demo = 'http://127.0.0.1:4321';
  const demoTab = { id: extensionId, url: `${demo}/`, tab: { id: 3, url: `${demo}/` } };
  const addAnna = (origin = demo) => ({
    type: 'circle.addAuthor',
    origin,
    author: { ...anna, profileUrl: `${demo}/people/anna.schmidt` },
  });
  const deps = () => ({
    extensionId,
    extensionOrigin: `chrome-extension://${extensionId}`,
    ...createHandlers(db, clock),
  });

  it('puts the author on the newest circle’s list, or says there is no circle', async () => {
    await seedBuiltinIntranets(db, 1_000);
    expect(await dispatch(addAnna(), demoTab, deps())).toEqual({ ok: true, value: { added: false } });
    await db.circles.put(circle('only', 1));
    expect(await dispatch(addAnna(), demoTab, deps())).toEqual({ ok: true, value: { added: true } });
    expect((await db.relationships.toArray()).map((entry) => [entry.circleId, entry.person.id])).toEqual([
      ['only', 'anna.schmidt'],
    ]);
  });

  it('is taken only from a tab on an enabled intranet, for its own origin', async () => {
    await seedBuiltinIntranets(db, 1_000);
    await db.circles.put(circle('only', 1));
    expect(await dispatch(addAnna('http://127.0.0.1:9999'), demoTab, deps())).toMatchObject({
      ok: false,
      error: { reason: 'errorWrongSender' },
    });
    const elsewhere = {
      id: extensionId,
      url: 'https://example.org/',
      tab: { id: 4, url: 'https://example.org/' },
    };
    expect(await dispatch(addAnna('https://example.org'), elsewhere, deps())).toMatchObject({
      ok: false,
      error: { reason: 'errorNotEnabled' },
    });
    expect(await db.relationships.count()).toBe(0);
  });
});
