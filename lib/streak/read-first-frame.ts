/**
 * What the popup's first frame needs, read with the bare IndexedDB API: the settings and the daily
 * aggregate, in one read-only transaction. Dexie is the largest module of the popup; its first frame
 * does without it, and everything else loads after that frame (entrypoints/popup/main.tsx).
 */
import { DB_NAME } from '../db/name';
import {
  type DailyAggregate,
  DailyAggregateSchema,
  type DayKey,
  type Settings,
  SettingsSchema,
} from '../db/schemas';
import { DEFAULT_SETTINGS } from '../settings/settings';

export type FirstFrame = { settings: Settings; rows: DailyAggregate[] };

const NOTHING_YET: FirstFrame = { settings: DEFAULT_SETTINGS, rows: [] };

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

function readAll(transaction: IDBTransaction, today: DayKey) {
  return new Promise<{ settings: unknown; rows: unknown[] }>((resolve, reject) => {
    const settings = transaction.objectStore('settings').get('user');
    // Rows after today exist only if the clock went back; they count for nothing yet.
    const rows = transaction.objectStore('dailyAggregates').getAll(IDBKeyRange.upperBound(today));
    transaction.oncomplete = () => resolve({ settings: settings.result, rows: rows.result });
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

/**
 * The settings and the daily aggregate rows up to `today`. Before the background has created the
 * database, and on any read error, the popup shows an empty history rather than nothing.
 */
export async function readFirstFrame(
  today: DayKey,
  factory: IDBFactory = indexedDB,
  name = DB_NAME,
): Promise<FirstFrame> {
  const db = await openExisting(factory, name);
  if (!db) return NOTHING_YET;
  try {
    if (!db.objectStoreNames.contains('settings') || !db.objectStoreNames.contains('dailyAggregates')) {
      return NOTHING_YET;
    }
    const stored = await readAll(db.transaction(['settings', 'dailyAggregates'], 'readonly'), today);
    const settings = SettingsSchema.safeParse(stored.settings);
    return {
      settings: settings.success ? settings.data : DEFAULT_SETTINGS,
      // Only the background writes these rows; a row that is not one anyway is left out, not shown.
      rows: stored.rows.flatMap((row) => {
        const parsed = DailyAggregateSchema.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      }),
    };
  } catch {
    return NOTHING_YET;
  } finally {
    db.close();
  }
}
