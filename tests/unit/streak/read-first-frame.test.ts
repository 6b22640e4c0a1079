// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import { saveRecognition, saveWolPost } from '../../../lib/db/writes';
import { DEFAULT_SETTINGS, updateSettings } from '../../../lib/settings/settings';
import { firstFrameOf } from '../../../lib/streak/first-frame';
import { firstDayShown, readStoredFirstFrame } from '../../../lib/streak/read-first-frame';
import { freshDb, thanks, wolPost } from '../db/factories';

const LOCAL = { sync: false, now: 0 };

/** What the popup does: main.tsx reads, popup-app.tsx checks. */
async function readFirstFrame(today: string, factory: IDBFactory, name: string) {
  return firstFrameOf(await readStoredFirstFrame(firstDayShown(today), factory, name), today);
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
      weeks: new Map(),
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

describe('five years of history in the first frame', () => {
  it('reads the days of the last year and the weeks of all time, not every day', async () => {
    const db = freshDb();
    await saveRecognition(db, thanks('five-years-ago', { day: '2021-11-17' }), LOCAL);
    await saveWolPost(db, wolPost('same-week', { day: '2021-11-19' }), LOCAL);
    await saveRecognition(db, thanks('last-month', { day: '2026-10-14' }), LOCAL);

    const stored = await readStoredFirstFrame(firstDayShown('2026-11-18'), indexedDB, db.name);

    expect(stored.rows).toEqual([expect.objectContaining({ day: '2026-10-14' })]);
    const { weeks } = firstFrameOf(stored, '2026-11-18');
    expect(weeks).toEqual(
      new Map([
        ['2021-11-15', 2],
        ['2026-10-12', 1],
      ]),
    );
  });

  it('reads every day from a database the background has not given weekly rows yet', async () => {
    const name = `version-6-${crypto.randomUUID()}`;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 60);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('settings', { keyPath: 'id' });
        const days = request.result.createObjectStore('dailyAggregates', { keyPath: 'day' });
        days.put({ day: '2021-11-17', thanksGiven: 1, thanksReceived: 0, wolPosts: 1, weeklyLogs: 0 });
        days.put({ day: '2026-10-14', thanksGiven: 1, thanksReceived: 3, wolPosts: 0, weeklyLogs: 0 });
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });

    const { rows, weeks } = await readFirstFrame('2026-11-18', indexedDB, name);

    expect(rows.map(({ day }) => day)).toEqual(['2021-11-17', '2026-10-14']);
    expect(weeks).toEqual(
      new Map([
        ['2021-11-15', 2],
        ['2026-10-12', 1],
      ]),
    );
    indexedDB.deleteDatabase(name);
  });
});
