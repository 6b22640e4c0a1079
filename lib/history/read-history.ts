/**
 * The History in the options: the user's own records, newest first, a page at a time. Each kind is read
 * through an index that ends in the id (lib/db/versions.ts, version 6), so a page costs a few index
 * reads of at most `limit + 1` records each, however long the history is, and records written in the
 * same millisecond are neither skipped nor shown twice from one page to the next.
 */
import type { IndexableType, Table } from 'dexie';
import type { RueckenwindDb } from '../db/database';
import type { Recognition, WeeklyLog, WolPost } from '../db/schemas';

export const HISTORY_KINDS = ['given', 'received', 'wolPost', 'weeklyLog'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export type HistoryEntry =
  | { kind: 'given' | 'received'; record: Recognition }
  | { kind: 'wolPost'; record: WolPost }
  | { kind: 'weeklyLog'; record: WeeklyLog };

/** Where the next page starts: just after (older than) this record. */
export type HistoryCursor = { createdAt: number; id: string };

export type HistoryPage = { entries: HistoryEntry[]; next: HistoryCursor | undefined };

/** Newest first; among records of the same millisecond, the greater id first (the indexes' order). */
function newerFirst(a: HistoryEntry, b: HistoryEntry): number {
  return b.record.createdAt - a.record.createdAt || (a.record.id < b.record.id ? 1 : -1);
}

/** Up to `limit` records of one kind older than `before`, newest first, straight from the index. */
async function readKind(
  db: RueckenwindDb,
  kind: HistoryKind,
  before: HistoryCursor | undefined,
  limit: number,
): Promise<HistoryEntry[]> {
  // Plain numbers and strings as bounds: a key may not hold the same array twice (Dexie.maxKey is one).
  const upper = before ? [before.createdAt, before.id] : [Number.POSITIVE_INFINITY, ''];
  const read = <T>(table: Table<T, string>, index: string, prefix: IndexableType[]) =>
    table
      .where(index)
      .between([...prefix, Number.NEGATIVE_INFINITY, ''], [...prefix, ...upper], true, false)
      .reverse()
      .limit(limit)
      .toArray();
  switch (kind) {
    case 'given':
    case 'received':
      return (await read(db.recognitions, '[direction+createdAt+id]', [kind])).map((record) => ({
        kind,
        record,
      }));
    case 'wolPost':
      return (await read(db.wolPosts, '[createdAt+id]', [])).map((record) => ({ kind, record }));
    case 'weeklyLog':
      return (await read(db.weeklyLogs, '[createdAt+id]', [])).map((record) => ({ kind, record }));
  }
}

/**
 * One page of the kinds asked for, merged newest first, and where the next page starts (undefined
 * when this is the last). One read transaction, so that a page is a consistent snapshot.
 */
export async function readHistoryPage(
  db: RueckenwindDb,
  kinds: readonly HistoryKind[],
  before: HistoryCursor | undefined,
  limit: number,
): Promise<HistoryPage> {
  const lists = await db.transaction('r', [db.recognitions, db.wolPosts, db.weeklyLogs], () =>
    Promise.all(kinds.map((kind) => readKind(db, kind, before, limit + 1))),
  );
  const merged = lists.flat().sort(newerFirst);
  const entries = merged.slice(0, limit);
  const last = entries.at(-1);
  const next =
    merged.length > limit && last ? { createdAt: last.record.createdAt, id: last.record.id } : undefined;
  return { entries, next };
}
