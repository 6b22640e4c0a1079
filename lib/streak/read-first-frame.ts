/**
 * What the popup's first frame needs, read with the bare IndexedDB API: the settings and the daily
 * aggregate, in one read-only transaction. It needs no other module, so the popup starts it before the
 * rest of its code runs (entrypoints/popup/first-frame-reading.ts); first-frame.ts checks what it read.
 */
import { DB_NAME } from '../db/name';

/** As stored: nothing in it is trusted until first-frame.ts has checked it. */
export type StoredFirstFrame = { settings: unknown; rows: unknown[] };

const NOTHING_YET: StoredFirstFrame = { settings: undefined, rows: [] };

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

function readBoth(transaction: IDBTransaction): Promise<StoredFirstFrame> {
  return new Promise((resolve, reject) => {
    const settings = transaction.objectStore('settings').get('user');
    const rows = transaction.objectStore('dailyAggregates').getAll();
    transaction.oncomplete = () => resolve({ settings: settings.result, rows: rows.result });
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

/**
 * The stored settings and every daily aggregate row. Before the background has created the database,
 * and on any read error, the popup shows an empty history rather than nothing.
 */
export async function readStoredFirstFrame(
  factory: IDBFactory = indexedDB,
  name = DB_NAME,
): Promise<StoredFirstFrame> {
  const db = await openExisting(factory, name);
  if (!db) return NOTHING_YET;
  try {
    if (!db.objectStoreNames.contains('settings') || !db.objectStoreNames.contains('dailyAggregates')) {
      return NOTHING_YET;
    }
    return await readBoth(db.transaction(['settings', 'dailyAggregates'], 'readonly'));
  } catch {
    return NOTHING_YET;
  } finally {
    db.close();
  }
}
