/**
 * Restores a backup (background only: the one database writer). Records are merged by id in one
 * transaction, then the daily aggregate is recounted from the records, so the counts match what is
 * stored whatever the file said. Callers validate the file with BackupSchema first.
 */
import { emptyAggregate, recognitionCounter, weeklyContributionsOf } from '../db/aggregates';
import type { RueckenwindDb } from '../db/database';
import type { AggregateCounter, DailyAggregate, DayKey } from '../db/schemas';
import { type Backup, IMPORTED_TABLES } from './backup-schema';

/** Puts the file's records of IMPORTED_TABLES; returns how many. */
export async function importBackup(db: RueckenwindDb, backup: Backup): Promise<number> {
  return db.transaction('rw', [...IMPORTED_TABLES, 'dailyAggregates', 'weeklyContributions'], async () => {
    let imported = 0;
    for (const name of IMPORTED_TABLES) {
      const rows = backup.tables[name] ?? [];
      await db.table(name).bulkPut(rows);
      imported += rows.length;
    }
    await recountAggregates(db);
    return imported;
  });
}

/** Rebuilds the daily aggregate, and the weekly contributions, from every counted record. Call inside a transaction spanning them. */
async function recountAggregates(db: RueckenwindDb): Promise<void> {
  const rows = new Map<DayKey, DailyAggregate>();
  const count = (day: DayKey, counter: AggregateCounter) => {
    const row = rows.get(day) ?? emptyAggregate(day);
    row[counter] += 1;
    rows.set(day, row);
  };
  await db.recognitions.each((rec) => count(rec.day, recognitionCounter(rec)));
  await db.wolPosts.each((post) => count(post.day, 'wolPosts'));
  await db.weeklyLogs.each((log) => count(log.day, 'weeklyLogs'));
  await db.dailyAggregates.clear();
  await db.dailyAggregates.bulkPut([...rows.values()]);
  await db.weeklyContributions.clear();
  await db.weeklyContributions.bulkPut(weeklyContributionsOf(rows.values()));
}
