// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { summarizeIssues } from '../../../lib/db/validate';
import { saveRecognition, saveWeeklyLog, saveWolPost, seedBuiltinIntranets } from '../../../lib/db/writes';
import { BackupSchema, IMPORTED_TABLES } from '../../../lib/export/backup-schema';
import { exportBackup, NOT_EXPORTED } from '../../../lib/export/export-backup';
import { createDataHandlers } from '../../../lib/export/handlers';
import { updateSettings } from '../../../lib/settings/settings';
import { freshDb, lea, NOW, thanks, weeklyLog, wolPost } from '../db/factories';

const QUEUED = { sync: true, now: NOW };
const LOCAL = { sync: false, now: NOW };
const noFollowers = { afterImport: async () => undefined, afterDelete: async () => undefined };

async function historyIn(db: ReturnType<typeof freshDb>) {
  await saveRecognition(db, thanks('r1'), QUEUED);
  await saveRecognition(db, thanks('r2', { direction: 'received', from: lea, day: '2025-03-11' }), LOCAL);
  await saveWolPost(db, wolPost('w1', { day: '2025-03-12' }), LOCAL);
  await saveWeeklyLog(db, weeklyLog('l1'), LOCAL);
  await db.circles.put({
    id: 'c1',
    name: 'Onboarding circle',
    startDate: '2025-03-03',
    meeting: { weekday: 2, time: '09:00' },
    remindersOn: true,
    members: [lea],
    createdAt: NOW,
  });
  await updateSettings(db, { weeklyGoal: 2 });
  await seedBuiltinIntranets(db, NOW);
}

/** The file as a user would download and pick it again: through JSON text. */
const throughFile = (value: unknown) => BackupSchema.parse(JSON.parse(JSON.stringify(value)));

describe('the JSON backup', () => {
  it('holds every table except the two that must not leave the browser', async () => {
    const db = freshDb();
    await historyIn(db);
    const backup = throughFile(await exportBackup(db, NOW, 'Europe/Berlin'));
    expect(backup).toMatchObject({ format: 'rueckenwind-backup', version: 1, timeZone: 'Europe/Berlin' });
    for (const table of db.tables) {
      if (table.name in NOT_EXPORTED) expect(backup.tables).not.toHaveProperty(table.name);
      else expect(backup.tables, table.name).toHaveProperty(table.name);
    }
    expect(backup.tables.recognitions?.map((rec) => rec.id).sort()).toEqual(['r1', 'r2']);
    expect(backup.tables.outbox).toHaveLength(1);
    expect(backup.tables.settings).toEqual([expect.objectContaining({ weeklyGoal: 2 })]);
    expect(backup.tables.dailyAggregates?.length).toBe(3);
  });

  it('round-trips: exported, deleted, imported, exported again gives the same history', async () => {
    const db = freshDb();
    await historyIn(db);
    const before = throughFile(await exportBackup(db, NOW));

    const handlers = createDataHandlers(db, () => NOW, noFollowers);
    expect(await handlers['data.deleteAll']({ type: 'data.deleteAll' })).toEqual({
      ok: true,
      value: { deleted: true },
    });
    const imported = await handlers['data.import']({ type: 'data.import', backup: before });
    expect(imported).toEqual({ ok: true, value: { imported: 6 } });

    const after = throughFile(await exportBackup(db, NOW));
    for (const table of IMPORTED_TABLES) expect(after.tables[table], table).toEqual(before.tables[table]);
    // Recounted from the records, so the streak and totals come back too.
    expect(after.tables.dailyAggregates).toEqual(before.tables.dailyAggregates);
  });

  it('merges into what is there and recounts the days, whatever counts the file claims', async () => {
    const db = freshDb();
    await saveRecognition(db, thanks('mine', { day: '2025-03-10' }), LOCAL);
    const backup = throughFile({
      format: 'rueckenwind-backup',
      version: 1,
      exportedAt: new Date(NOW).toISOString(),
      tables: {
        recognitions: [thanks('theirs', { day: '2025-03-10' }), thanks('mine', { day: '2025-03-11' })],
        dailyAggregates: [
          { day: '2025-03-10', thanksGiven: 99, thanksReceived: 0, wolPosts: 0, weeklyLogs: 0 },
        ],
      },
    });
    await createDataHandlers(db, () => NOW, noFollowers)['data.import']({ type: 'data.import', backup });
    expect((await db.recognitions.toArray()).map((rec) => rec.id).sort()).toEqual(['mine', 'theirs']);
    expect(await db.dailyAggregates.toArray()).toEqual([
      { day: '2025-03-10', thanksGiven: 1, thanksReceived: 0, wolPosts: 0, weeklyLogs: 0 },
      { day: '2025-03-11', thanksGiven: 1, thanksReceived: 0, wolPosts: 0, weeklyLogs: 0 },
    ]);
    // The streak's weeks are recounted with the days.
    expect(await db.weeklyContributions.toArray()).toEqual([{ monday: '2025-03-10', contributions: 2 }]);
  });

  it('keeps a stored record that no longer fits its schema, in the file’s quarantine', async () => {
    const db = freshDb();
    await saveRecognition(db, thanks('ok'), LOCAL);
    await db.recognitions.put({ ...thanks('broken'), day: 'yesterday' });
    const backup = throughFile(await exportBackup(db, NOW));
    expect(backup.tables.recognitions?.map((rec) => rec.id)).toEqual(['ok']);
    expect(backup.tables.quarantine).toEqual([
      {
        table: 'recognitions',
        record: expect.objectContaining({ id: 'broken' }),
        reason: 'day: invalid_format',
        at: NOW,
      },
    ]);
  });

  it('names the field of a file that is not a backup', () => {
    const result = BackupSchema.safeParse({
      format: 'rueckenwind-backup',
      version: 1,
      exportedAt: 'x',
      tables: { recognitions: [{ ...thanks('r1'), day: '10.03.2025' }] },
    });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(summarizeIssues(result.error)).toBe('tables.recognitions.0.day: invalid_format');
  });
});

describe('deleting all data', () => {
  it('empties every table, settings and queued deliveries included', async () => {
    const db = freshDb();
    await historyIn(db);
    await db.quarantine.add({ table: 'recognitions', record: {}, reason: 'test', at: NOW });
    let followed = false;
    const handlers = createDataHandlers(db, () => NOW, {
      ...noFollowers,
      afterDelete: async () => {
        followed = true;
      },
    });
    await handlers['data.deleteAll']({ type: 'data.deleteAll' });
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
    expect(followed).toBe(true);
  });
});
