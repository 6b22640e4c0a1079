/** The background's handlers for deleting one record of the History (lib/db/writes.ts does the work). */
import type { RueckenwindDb } from '../db/database';
import { deleteRecognition, deleteWeeklyLog, deleteWolPost } from '../db/writes';
import type { DispatcherDeps } from '../messages/dispatcher';
import { fail, ok } from '../messages/result';
import { showFailuresOnBadge } from '../sync/badge';

type DeleteType = 'recognition.delete' | 'wolPost.delete' | 'weeklyLog.delete';

/**
 * A record deleted is gone for good, whether it was there or not (another tab may have deleted it
 * first). `afterDelete` follows it outside the database: a failed delivery deleted leaves the badge.
 */
export function createHistoryHandlers(
  db: RueckenwindDb,
  now: () => number,
  afterDelete: () => Promise<void> = () => showFailuresOnBadge(db),
): Pick<DispatcherDeps['ui'], DeleteType> {
  const deleting = async (id: string, remove: () => Promise<boolean>) => {
    let removed: boolean;
    try {
      removed = await remove();
    } catch (error) {
      return fail('errorStorage', error instanceof Error ? error.message : String(error));
    }
    // The badge only follows: the record is deleted either way.
    if (removed) await afterDelete().catch(() => undefined);
    return ok({ id });
  };
  return {
    'recognition.delete': (message) => deleting(message.id, () => deleteRecognition(db, message.id, now())),
    'wolPost.delete': (message) => deleting(message.id, () => deleteWolPost(db, message.id)),
    'weeklyLog.delete': (message) => deleting(message.id, () => deleteWeeklyLog(db, message.id)),
  };
}
