/**
 * "Delete all my data" (background only): every table emptied in one transaction, settings and
 * credentials included, so nothing of the user's stays behind. Tables added later are covered too.
 */
import type { RueckenwindDb } from '../db/database';

export async function deleteAllData(db: RueckenwindDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}
