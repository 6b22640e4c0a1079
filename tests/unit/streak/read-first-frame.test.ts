// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import { saveRecognition, saveWolPost } from '../../../lib/db/writes';
import { DEFAULT_SETTINGS, updateSettings } from '../../../lib/settings/settings';
import { firstFrameOf } from '../../../lib/streak/first-frame';
import { readStoredFirstFrame } from '../../../lib/streak/read-first-frame';
import { freshDb, thanks, wolPost } from '../db/factories';

const LOCAL = { sync: false, now: 0 };

/** What the popup does: main.tsx reads, popup-app.tsx checks. */
async function readFirstFrame(today: string, factory: IDBFactory, name: string) {
  return firstFrameOf(await readStoredFirstFrame(factory, name), today);
}

describe('the popup’s first frame, read without Dexie', () => {
  it('reads the settings and the daily rows the background wrote, up to today', async () => {
    const db = freshDb();
    await updateSettings(db, { weeklyGoal: 3, addressForm: 'du' });
    await saveRecognition(db, thanks('monday', { day: '2026-11-16' }), LOCAL);
    await saveRecognition(db, thanks('tuesday', { day: '2026-11-17', direction: 'received' }), LOCAL);
    await saveWolPost(db, wolPost('tuesday-wol', { day: '2026-11-17' }), LOCAL);
    // After "today": only if the clock went back; not counted yet.
    await saveRecognition(db, thanks('tomorrow', { day: '2026-11-19' }), LOCAL);

    const { settings, rows } = await readFirstFrame('2026-11-18', indexedDB, db.name);

    expect(settings).toMatchObject({ weeklyGoal: 3, addressForm: 'du' });
    expect(rows).toEqual([
      { day: '2026-11-16', thanksGiven: 1, thanksReceived: 0, wolPosts: 0, weeklyLogs: 0 },
      { day: '2026-11-17', thanksGiven: 0, thanksReceived: 1, wolPosts: 1, weeklyLogs: 0 },
    ]);
  });

  it('shows an empty history before the background created the database, and does not create it', async () => {
    const name = `never-opened-${crypto.randomUUID()}`;

    expect(await readFirstFrame('2026-11-18', indexedDB, name)).toEqual({
      settings: DEFAULT_SETTINGS,
      rows: [],
    });

    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain(name);
    // The background can still create it with every version and table.
    const db = openDatabase(name);
    await saveRecognition(db, thanks('first', { day: '2026-11-18' }), LOCAL);
    expect((await readFirstFrame('2026-11-18', indexedDB, name)).rows).toHaveLength(1);
    await db.delete();
  });

  it('leaves out a row that is not a daily aggregate and unreadable settings, keeping the rest', async () => {
    const db = freshDb();
    await saveRecognition(db, thanks('good', { day: '2026-11-17' }), LOCAL);
    await db.dailyAggregates.put({ day: '2026-11-16', thanksGiven: -4 } as never);
    await db.settings.put({ id: 'user', weeklyGoal: 'many' } as never);

    const { settings, rows } = await readFirstFrame('2026-11-18', indexedDB, db.name);

    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(rows.map(({ day }) => day)).toEqual(['2026-11-17']);
  });

  it('does not hold up an upgrade of the database by the background', async () => {
    const db = freshDb();
    await saveRecognition(db, thanks('good', { day: '2026-11-17' }), LOCAL);
    db.close();
    await readFirstFrame('2026-11-18', indexedDB, db.name);
    const upgrade = await new Promise<number>((resolve, reject) => {
      const request = indexedDB.open(db.name, 1_000);
      request.onsuccess = () => {
        resolve(request.result.version);
        request.result.close();
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked by the popup'));
    });
    expect(upgrade).toBe(1_000);
  });
});
