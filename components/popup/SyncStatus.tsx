import { useEffect, useState } from 'preact/hooks';
import type { RueckenwindDb } from '../../lib/db/database';
import { t } from '../../lib/i18n/t';

type Counts = { pending: number; waitingForTab: boolean; failed: number };

async function countOutbox(db: RueckenwindDb): Promise<Counts> {
  const waiting = await db.outbox.where('state').anyOf('pending', 'inflight').toArray();
  return {
    pending: waiting.length,
    waitingForTab: waiting.some((item) => item.lastError?.startsWith('waiting for an open tab') === true),
    failed: await db.outbox.where('state').equals('failed').count(),
  };
}

/** What has not reached its intranet yet: shown only when there is something to say. */
export function SyncStatus({ db }: { db: RueckenwindDb }) {
  const [counts, setCounts] = useState<Counts | undefined>();
  useEffect(() => {
    void countOutbox(db).then(setCounts);
  }, [db]);
  if (!counts || (counts.pending === 0 && counts.failed === 0)) return null;
  return (
    <section class="sync">
      {counts.pending > 0 && (
        <p data-sync="pending">
          {t('popupPending', String(counts.pending))}
          {counts.waitingForTab && ` ${t('popupWaitingForTab')}`}
        </p>
      )}
      {counts.failed > 0 && (
        <p data-sync="failed" class="failed">
          {t('popupFailed', String(counts.failed))}
        </p>
      )}
    </section>
  );
}
