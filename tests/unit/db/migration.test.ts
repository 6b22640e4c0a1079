// @vitest-environment node
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import { weekStartOf } from '../../../lib/db/day-key';
import { thanksStateOfPosts, totalsForDays } from '../../../lib/db/reads';
import type { DailyAggregate } from '../../../lib/db/schemas';
import { declareVersion1 } from '../../../lib/db/versions';
import profile from '../../fixtures/db/v1-profile.json';
import { freshDb } from './factories';

type Row = Record<string, unknown>;
const v1Tables: Record<string, Row[]> = profile.tables;
const CORRUPT_ID = 'rec-13-corrupt';

/** Writes rows into a new database that knows only the version-1 schema, as an old install left it. */
async function createV1Database(tables: Record<string, Row[]>): Promise<string> {
  const name = `v1-${crypto.randomUUID()}`;
  const v1 = new Dexie(name);
  declareVersion1(v1);
  await v1.transaction('rw', v1.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) await v1.table(table).bulkAdd(rows);
  });
  expect(v1.verno).toBe(1);
  v1.close();
  return name;
}

/** The counts the migration must arrive at, computed independently from the fixture. */
function expectedAggregates(): DailyAggregate[] {
  const rows = new Map<string, DailyAggregate>();
  const bump = (day: unknown, counter: keyof Omit<DailyAggregate, 'day'>) => {
    const key = String(day);
    const row = rows.get(key) ?? { day: key, thanksGiven: 0, thanksReceived: 0, wolPosts: 0, weeklyLogs: 0 };
    row[counter] += 1;
    rows.set(key, row);
  };
  for (const rec of v1Tables.recognitions ?? []) {
    if (rec.id !== CORRUPT_ID) bump(rec.day, rec.direction === 'given' ? 'thanksGiven' : 'thanksReceived');
  }
  for (const post of v1Tables.wolPosts ?? []) bump(post.day, 'wolPosts');
  for (const log of v1Tables.weeklyLogs ?? []) bump(log.day, 'weeklyLogs');
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day));
}

describe('migration from version 1 to the current version', () => {
  it('carries a realistic version-1 profile over without losing a record', async () => {
    const name = await createV1Database(v1Tables);
    const db = freshDb(name);
    await db.open();
    expect(db.verno).toBe(7);

    const oldRecognitions = v1Tables.recognitions ?? [];
    expect(oldRecognitions).toHaveLength(13);
    for (const old of oldRecognitions.filter((rec) => rec.id !== CORRUPT_ID)) {
      // Same id, every field carried, the single recipient now the only one in a list.
      expect(await db.recognitions.get(String(old.id))).toEqual({ ...old, to: [old.to] });
    }
    expect(await db.recognitions.count()).toBe(12);

    const unchanged = [
      ['wolPosts', db.wolPosts],
      ['circles', db.circles],
      ['weeklyLogs', db.weeklyLogs],
      ['relationships', db.relationships],
      ['outbox', db.outbox],
      ['intranets', db.intranets],
    ] as const;
    for (const [tableName, table] of unchanged) {
      const oldRows = v1Tables[tableName] ?? [];
      expect(oldRows.length, tableName).toBeGreaterThan(0);
      // The fixture lists each table in primary-key order, the order Dexie reads it back in.
      expect(await table.toArray(), tableName).toEqual(oldRows);
    }
  });

  it('moves the corrupt recognition to quarantine, untouched and with the reason', async () => {
    const db = freshDb(await createV1Database(v1Tables));
    const corrupt = v1Tables.recognitions?.find((rec) => rec.id === CORRUPT_ID);

    expect(await db.recognitions.get(CORRUPT_ID)).toBeUndefined();
    const quarantined = await db.quarantine.toArray();
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({ id: 1, table: 'recognitions', record: corrupt });
    expect(quarantined[0]?.reason).toBe('to.0.name: too_small; day: invalid_format');
    expect(quarantined[0]?.at).toEqual(expect.any(Number));
  });

  it('builds the daily aggregate from every migrated record', async () => {
    const db = freshDb(await createV1Database(v1Tables));
    const expected = expectedAggregates();

    expect(await db.dailyAggregates.toArray()).toEqual(expected);
    // And, from it, the weeks the popup's streak reads (version 7).
    const weeks = new Map<string, number>();
    for (const row of expected) {
      const monday = weekStartOf(row.day);
      const count = row.thanksGiven + row.wolPosts + row.weeklyLogs;
      if (count > 0) weeks.set(monday, (weeks.get(monday) ?? 0) + count);
    }
    expect(weeks.size).toBeGreaterThan(1);
    expect(await db.weeklyContributions.toArray()).toEqual(
      [...weeks].sort().map(([monday, contributions]) => ({ monday, contributions })),
    );
    expect(await totalsForDays(db, '2025-01-01', '2025-12-31')).toEqual({
      thanksGiven: 8,
      thanksReceived: 4,
      wolPosts: 4,
      weeklyLogs: 3,
    });
    // rec-08 was written at 23:30 UTC on 9 March, already 10 March in Berlin: the stored day decides.
    expect(expected.find((row) => row.day === '2025-03-10')).toMatchObject({
      thanksGiven: 3,
      thanksReceived: 1,
    });
  });

  it('keeps the indexes usable after the upgrade', async () => {
    const db = freshDb(await createV1Database(v1Tables));
    const thanked = await thanksStateOfPosts(db, 'https://intranet.example-gmbh.de', [
      '1412',
      '1409',
      '1460',
      '1488',
    ]);
    expect([...thanked.keys()].sort()).toEqual(['1412', '1460']);
    expect(
      await db.outbox.where('[state+nextAttemptAt]').between(['pending', 0], ['pending', Infinity]).count(),
    ).toBe(3);
  });

  it('quarantines invalid records of any table without stopping the upgrade', async () => {
    const broken: Record<string, Row[]> = {
      relationships: [
        { id: 'rel-ok', person: { name: 'Lea' }, closeness: 2, contributions: [], createdAt: 1 },
        { id: 'rel-bad', person: { name: 'Jonas' }, closeness: 9, contributions: [], createdAt: 1 },
      ],
      intranets: [
        {
          origin: 'ftp://files.example',
          host: 'generic',
          name: 'FTP',
          enabled: true,
          anyPort: false,
          source: 'user',
          addedAt: 1,
        },
      ],
      recognitions: [
        { id: 'rec-no-to', direction: 'given', message: 'Danke', createdAt: 1, day: '2025-03-10' },
      ],
    };
    const db = freshDb(await createV1Database(broken));

    expect(await db.relationships.toCollection().primaryKeys()).toEqual(['rel-ok']);
    expect(await db.intranets.count()).toBe(0);
    expect(await db.recognitions.count()).toBe(0);
    const quarantined = await db.quarantine.orderBy('id').toArray();
    expect(quarantined.map((entry) => [entry.table, entry.record])).toEqual([
      ['recognitions', broken.recognitions?.[0]],
      ['relationships', broken.relationships?.[1]],
      ['intranets', broken.intranets?.[0]],
    ]);
    expect(await db.dailyAggregates.count()).toBe(0);
  });

  it('creates the current version directly on a fresh install', async () => {
    const db = openDatabase(`fresh-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(7);
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'accounts',
      'circles',
      'dailyAggregates',
      'deletions',
      'intranets',
      'outbox',
      'quarantine',
      'recognitions',
      'relationships',
      'settings',
      'taughtSites',
      'teachSessions',
      'weeklyContributions',
      'weeklyLogs',
      'wolPosts',
    ]);
    await db.delete();
  });
});
