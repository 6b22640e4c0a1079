// @vitest-environment node
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import { STORES_V1, STORES_V2, STORES_V3 } from '../../../lib/db/versions';
import profile from '../../fixtures/db/v1-profile.json';

type Row = Record<string, unknown>;
const SETTINGS = { id: 'user', addressForm: 'du', wolHashtag: '#WOL', weeklyGoal: 2, values: ['Mut'] };

/** A database exactly as version 3 left it: every table filled. */
async function createV3Database(): Promise<{ name: string; tables: Record<string, Row[]> }> {
  const name = `v3-${crypto.randomUUID()}`;
  const v3 = new Dexie(name);
  v3.version(1).stores(STORES_V1);
  v3.version(2).stores(STORES_V2);
  v3.version(3).stores(STORES_V3);
  const recognitions = (profile.tables.recognitions as Row[])
    .filter((rec) => rec.id !== 'rec-13-corrupt')
    .map((rec) => ({ ...rec, to: [rec.to] }));
  const tables: Record<string, Row[]> = {
    ...profile.tables,
    recognitions,
    dailyAggregates: [{ day: '2025-03-10', thanksGiven: 3, thanksReceived: 1, wolPosts: 0, weeklyLogs: 0 }],
    quarantine: [{ id: 1, table: 'recognitions', record: { id: 'x' }, reason: 'to: invalid_type', at: 1 }],
    settings: [SETTINGS],
  };
  await v3.transaction('rw', v3.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) await v3.table(table).bulkAdd(rows);
  });
  expect(v3.verno).toBe(3);
  v3.close();
  return { name, tables };
}

describe('migration from version 3 to 4 (taught sites)', () => {
  it('keeps every record of every table and adds the two new tables, empty', async () => {
    const { name, tables } = await createV3Database();
    const db = openDatabase(name);
    await db.open();
    // Opened at the newest version: every later version keeps these tables as they are.
    expect(db.verno).toBeGreaterThanOrEqual(4);
    for (const [table, rows] of Object.entries(tables)) {
      expect(await db.table(table).toArray(), table).toEqual(
        [...rows].sort((a, b) => String(a[primaryKey(table)]).localeCompare(String(b[primaryKey(table)]))),
      );
    }
    expect(await db.taughtSites.count()).toBe(0);
    expect(await db.teachSessions.count()).toBe(0);
    db.close();
    await db.delete();
  });
});

function primaryKey(table: string): string {
  return { intranets: 'origin', dailyAggregates: 'day' }[table] ?? 'id';
}
