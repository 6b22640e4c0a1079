/** The background's handlers for restoring a backup and deleting all data. */
import { browser } from 'wxt/browser';
import type { z } from 'zod/mini';
import { syncReminders } from '../circle/reminders';
import type { RueckenwindDb } from '../db/database';
import { seedBuiltinIntranets } from '../db/writes';
import { syncRegistrations } from '../intranets/sync-registrations';
import { fail, ok, type Result } from '../messages/result';
import { showFailuresOnBadge } from '../sync/badge';
import { deleteAllData } from './delete-all';
import { importBackup } from './import-backup';
import type { DataReplies, DeleteAllDataSchema, ImportBackupSchema } from './ui-messages';

/**
 * What lives outside the database and must follow it: session storage, alarms, content-script
 * registrations, the badge.
 */
export type Followers = { afterImport: () => Promise<void>; afterDelete: () => Promise<void> };

function browserFollowers(db: RueckenwindDb, now: () => number): Followers {
  return {
    afterImport: () => syncReminders(db, now()),
    afterDelete: async () => {
      // Access tokens and in-flight send states live in session storage, not in the database.
      await browser.storage.session.clear();
      // The built-in intranets are defaults, not the user's data: Rückenwind keeps working as installed.
      await seedBuiltinIntranets(db, now());
      await syncRegistrations(db);
      await syncReminders(db, now());
      await showFailuresOnBadge(db);
    },
  };
}

const storageFailure = (error: unknown) =>
  fail('errorStorage', error instanceof Error ? error.message : String(error));

export function createDataHandlers(
  db: RueckenwindDb,
  now: () => number,
  followers: Followers = browserFollowers(db, now),
): {
  'data.import': (message: z.infer<typeof ImportBackupSchema>) => Promise<Result<DataReplies['data.import']>>;
  'data.deleteAll': (
    message: z.infer<typeof DeleteAllDataSchema>,
  ) => Promise<Result<DataReplies['data.deleteAll']>>;
} {
  return {
    'data.import': async (message) => {
      try {
        const imported = await importBackup(db, message.backup);
        await followers.afterImport();
        return ok({ imported });
      } catch (error) {
        return storageFailure(error);
      }
    },
    'data.deleteAll': async () => {
      try {
        await deleteAllData(db);
        await followers.afterDelete();
        return ok({ deleted: true });
      } catch (error) {
        return storageFailure(error);
      }
    },
  };
}
