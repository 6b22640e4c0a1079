// @vitest-environment node
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { totalsForDays } from '../../../lib/db/reads';
import { STORES_V5 } from '../../../lib/db/versions';
import { HISTORY_KINDS, readHistoryPage } from '../../../lib/history/read-history';
import { freshDb, lea, NOW, thanks, weeklyLog, wolPost } from './factories';

const MINUTE = 60_000;
const v5Records = {
  recognitions: [
    thanks('given', { createdAt: NOW - 3 * MINUTE }),
    thanks('received', { direction: 'received', from: lea, createdAt: NOW - MINUTE }),
  ],
  wolPosts: [wolPost('post', { createdAt: NOW - 2 * MINUTE })],
  weeklyLogs: [weeklyLog('log', { createdAt: NOW })],
  dailyAggregates: [{ day: '2025-03-10', thanksGiven: 1, thanksReceived: 1, wolPosts: 1, weeklyLogs: 1 }],
  settings: [{ id: 'user', addressForm: 'du', wolHashtag: '#WOL', weeklyGoal: 2 }],
  accounts: [
    {
      host: 'slack',
      clientId: 'client-1',
      user: { id: 'U1', name: 'Anna' },
      refreshToken: 'refresh',
      state: 'connected',
      connectedAt: NOW,
    },
  ],
};

/** A database exactly as version 5 left it. */
async function createV5Database(): Promise<string> {
  const name = `v5-${crypto.randomUUID()}`;
  const v5 = new Dexie(name);
  v5.version(5).stores(STORES_V5);
  await v5.transaction('rw', v5.tables, async () => {
    for (const [table, rows] of Object.entries(v5Records)) await v5.table(table).bulkAdd(rows);
  });
  expect(v5.verno).toBe(5);
  v5.close();
  return name;
}

describe('migration from version 5 to the current version', () => {
  it('keeps every record, and the History reads them through the new indexes', async () => {
    const db = freshDb(await createV5Database());
    await db.open();
    expect(db.verno).toBe(7);

    for (const [table, rows] of Object.entries(v5Records)) {
      expect(await db.table(table).toArray(), table).toEqual(rows);
    }
    expect(await totalsForDays(db, '2025-03-10', '2025-03-10')).toEqual({
      thanksGiven: 1,
      thanksReceived: 1,
      wolPosts: 1,
      weeklyLogs: 1,
    });
    const page = await readHistoryPage(db, HISTORY_KINDS, undefined, 10);
    expect(page.entries.map((entry) => [entry.kind, entry.record.id])).toEqual([
      ['weeklyLog', 'log'],
      ['received', 'received'],
      ['wolPost', 'post'],
      ['given', 'given'],
    ]);
    expect(await db.deletions.count()).toBe(0);
  });
});
