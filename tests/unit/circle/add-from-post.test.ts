import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addToNewestCircle } from '../../../lib/circle/add-from-post';
import { openDatabase, type RueckenwindDb } from '../../../lib/db/database';
import type { Circle } from '../../../lib/db/schemas';

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
