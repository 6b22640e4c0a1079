// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { RueckenwindDb } from '../../../lib/db/database';
import {
  HISTORY_KINDS,
  type HistoryCursor,
  type HistoryKind,
  readHistoryPage,
} from '../../../lib/history/read-history';
import { freshDb, lea, NOW, thanks, weeklyLog, wolPost } from '../db/factories';

const MINUTE = 60_000;

/** Every page of `kinds`, as "Show more" walks them: the ids in the order shown. */
async function walk(db: RueckenwindDb, kinds: readonly HistoryKind[], limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let before: HistoryCursor | undefined;
  do {
    const page = await readHistoryPage(db, kinds, before, limit);
    pages.push(page.entries.map((entry) => entry.record.id));
    before = page.next;
  } while (before);
  return pages;
}

/** Counts the records Dexie hands out of the database, whichever way they are read. */
function countReads(db: RueckenwindDb): { records: number } {
  const counter = { records: 0 };
  for (const table of [db.recognitions, db.wolPosts, db.weeklyLogs]) {
    table.hook('reading', (record) => {
      counter.records += 1;
      return record;
    });
  }
  return counter;
}

describe('readHistoryPage', () => {
  it('shows every kind newest first, a page at a time, each record exactly once', async () => {
    const db = freshDb();
    await db.recognitions.bulkAdd([
      thanks('given-old', { createdAt: NOW - 5 * MINUTE }),
      thanks('given-new', { createdAt: NOW }),
      thanks('received', { direction: 'received', from: lea, createdAt: NOW - 2 * MINUTE }),
    ]);
    await db.wolPosts.add(wolPost('post', { createdAt: NOW - MINUTE }));
    await db.weeklyLogs.add(weeklyLog('log', { createdAt: NOW - 3 * MINUTE }));

    expect(await walk(db, HISTORY_KINDS, 2)).toEqual([
      ['given-new', 'post'],
      ['received', 'log'],
      ['given-old'],
    ]);
    const first = await readHistoryPage(db, HISTORY_KINDS, undefined, 10);
    expect(first.next).toBeUndefined();
    expect(first.entries.map((entry) => entry.kind)).toEqual([
      'given',
      'wolPost',
      'received',
      'weeklyLog',
      'given',
    ]);
  });

  it('filters by kind: thanks given and thanks received apart', async () => {
    const db = freshDb();
    await db.recognitions.bulkAdd([
      thanks('g1', { createdAt: NOW }),
      thanks('r1', { direction: 'received', createdAt: NOW + 1 }),
      thanks('g2', { createdAt: NOW + 2 }),
    ]);
    await db.wolPosts.add(wolPost('p1', { createdAt: NOW + 3 }));
    expect(await walk(db, ['given'], 5)).toEqual([['g2', 'g1']]);
    expect(await walk(db, ['received'], 5)).toEqual([['r1']]);
    expect(await walk(db, ['wolPost', 'weeklyLog'], 5)).toEqual([['p1']]);
    expect(await walk(db, ['weeklyLog'], 5)).toEqual([[]]);
  });

  it('neither skips nor repeats records written in the same millisecond across pages', async () => {
    const db = freshDb();
    // An imported history: many records with the very same time.
    await db.recognitions.bulkAdd(Array.from({ length: 7 }, (_, i) => thanks(`same-${i}`)));
    await db.wolPosts.bulkAdd(Array.from({ length: 4 }, (_, i) => wolPost(`same-post-${i}`)));
    const pages = await walk(db, HISTORY_KINDS, 3);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 3, 2]);
    const shown = pages.flat();
    expect(new Set(shown).size).toBe(11);
  });

  it('reads no more than a page from each kind, however long the history is', async () => {
    const db = freshDb();
    const many = 5_000;
    await db.recognitions.bulkAdd(
      Array.from({ length: many }, (_, i) => thanks(`t${i}`, { createdAt: NOW - i * MINUTE })),
    );
    await db.wolPosts.bulkAdd(
      Array.from({ length: many }, (_, i) => wolPost(`p${i}`, { createdAt: NOW - i * MINUTE - 1 })),
    );
    const reads = countReads(db);

    const first = await readHistoryPage(db, HISTORY_KINDS, undefined, 25);
    const second = await readHistoryPage(db, HISTORY_KINDS, first.next, 25);

    expect(first.entries.map((entry) => entry.record.id).slice(0, 4)).toEqual(['t0', 'p0', 't1', 'p1']);
    expect(second.entries[0]?.record.id).toBe('p12');
    // The two pages shown were read, and little more: at most 26 records per kind and page.
    expect(reads.records).toBeGreaterThanOrEqual(50);
    expect(reads.records).toBeLessThanOrEqual(2 * 4 * 26);
  });
});
