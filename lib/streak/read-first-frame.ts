/**
 * What the popup's first frame needs, read with the bare IndexedDB API in one read-only transaction:
 * the settings, the daily aggregate of the days it shows (a year), and the contributions per week of
 * all time for the streak. Five years of history are then a few hundred small rows, not thousands. It
 * needs almost no other module, so the popup starts it before the rest of its code runs
 * (entrypoints/popup/first-frame-reading.ts); first-frame.ts checks what it read.
 */
import { DB_NAME } from '../db/name';
import type { DayKey } from '../db/schemas';
import { heatmapStart } from './heatmap';

/**
 * As stored: nothing in it is trusted until first-frame.ts has checked it. `weeks` is undefined in a
 * database the background has not upgraded yet: then `rows` holds every day.
 */
export type StoredFirstFrame = { settings: unknown; rows: unknown[]; weeks: unknown[] | undefined };

const NOTHING_YET: StoredFirstFrame = { settings: undefined, rows: [], weeks: [] };

/** The first day the popup shows a day of: the heatmap's first, or New Year's Day for this year's totals. */
export function firstDayShown(today: DayKey): DayKey {
  const newYear = `${today.slice(0, 4)}-01-01`;
  const heatmap = heatmapStart(today);
  return newYear < heatmap ? newYear : heatmap;
}

/** Opens the database as it is, never creating it: only the background declares its versions. */
function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    const request = factory.open(name);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      // A newer background upgrading the database must not wait for the popup.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => resolve(undefined);
    request.onblocked = () => resolve(undefined);
  });
}

function readAll(db: IDBDatabase, from: DayKey): Promise<StoredFirstFrame> {
  const byWeek = db.objectStoreNames.contains('weeklyContributions');
  const stores = ['settings', 'dailyAggregates', ...(byWeek ? ['weeklyContributions'] : [])];
  const transaction = db.transaction(stores, 'readonly');
  return new Promise((resolve, reject) => {
    const settings = transaction.objectStore('settings').get('user');
    const days = transaction.objectStore('dailyAggregates');
    const rows = byWeek ? days.getAll(IDBKeyRange.lowerBound(from)) : days.getAll();
    const weeks = byWeek ? transaction.objectStore('weeklyContributions').getAll() : undefined;
    transaction.oncomplete = () =>
      resolve({ settings: settings.result, rows: rows.result, weeks: weeks?.result });
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

/**
 * The stored settings, the daily aggregate rows from `from` on, and the weekly contributions. Before the
 * background has created the database, and on any read error, the popup shows an empty history rather
 * than nothing.
 */
export async function readStoredFirstFrame(
  from: DayKey,
  factory: IDBFactory = indexedDB,
  name = DB_NAME,
): Promise<StoredFirstFrame> {
  const db = await openExisting(factory, name);
  if (!db) return NOTHING_YET;
  try {
    if (!db.objectStoreNames.contains('settings') || !db.objectStoreNames.contains('dailyAggregates')) {
      return NOTHING_YET;
    }
    return await readAll(db, from);
  } catch {
    return NOTHING_YET;
  } finally {
    db.close();
  }
}
