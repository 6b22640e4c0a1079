import { useState } from 'preact/hooks';
import type { RueckenwindDb } from '../../lib/db/database';
import { dayKeyOf } from '../../lib/db/day-key';
import { summarizeIssues } from '../../lib/db/validate';
import { BackupSchema } from '../../lib/export/backup-schema';
import { recognitionsCsv, weeklyLogsCsv, wolPostsCsv } from '../../lib/export/csv';
import { exportBackup, exportFileName } from '../../lib/export/export-backup';
import { t } from '../../lib/i18n/t';
import { sendFromUi } from '../../lib/messages/send-from-ui';
import { download } from './download';

type Props = { db: RueckenwindDb; onImported: () => void };
type Status = { text: string; error: boolean };

/**
 * Export of the whole history (JSON backup, CSV for spreadsheets) and import of a backup. Exporting
 * reads the database here; importing goes through the background, the only writer.
 */
export function DataExport({ db, onImported }: Props) {
  const [status, setStatus] = useState<Status>({ text: '', error: false });
  const [busy, setBusy] = useState(false);
  const today = () => dayKeyOf(Date.now());

  const exportJson = async () => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const backup = await exportBackup(db, Date.now(), timeZone);
    const name = exportFileName(undefined, today(), 'json');
    download(name, `${JSON.stringify(backup, null, 2)}\n`, 'application/json');
    setStatus({ text: t('dataExported', name), error: false });
  };
  const exportCsv = async (what: 'thanks' | 'wol-posts' | 'weekly-logs') => {
    const csv =
      what === 'thanks'
        ? recognitionsCsv(await db.recognitions.toArray())
        : what === 'wol-posts'
          ? wolPostsCsv(await db.wolPosts.toArray())
          : weeklyLogsCsv(await db.weeklyLogs.toArray());
    const name = exportFileName(what, today(), 'csv');
    download(name, csv, 'text/csv;charset=utf-8');
    setStatus({ text: t('dataExported', name), error: false });
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch {
        return setStatus({ text: t('dataImportNotJson', file.name), error: true });
      }
      // Checked here first, so that the user learns which record is wrong, not just that one is.
      const parsed = BackupSchema.safeParse(json);
      if (!parsed.success) {
        const problem = summarizeIssues(parsed.error).split('; ')[0] ?? '';
        return setStatus({ text: t('dataImportInvalid', [file.name, problem]), error: true });
      }
      const result = await sendFromUi({ type: 'data.import', backup: parsed.data });
      if (!result.ok)
        return setStatus({ text: t(result.error.reason, result.error.detail ?? ''), error: true });
      setStatus({ text: t('dataImported', [String(result.value.imported), file.name]), error: false });
      onImported();
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  return (
    <>
      <div class="row">
        <button type="button" class="primary" onClick={() => void exportJson()}>
          {t('dataExportJson')}
        </button>
      </div>
      <p class="hint">{t('dataExportJsonHint')}</p>
      <div class="row">
        <span>{t('dataExportCsv')}</span>
        <button type="button" onClick={() => void exportCsv('thanks')}>
          {t('dataExportThanksCsv')}
        </button>
        <button type="button" onClick={() => void exportCsv('wol-posts')}>
          {t('dataExportWolCsv')}
        </button>
        <button type="button" onClick={() => void exportCsv('weekly-logs')}>
          {t('dataExportLogsCsv')}
        </button>
      </div>
      <label class="field import">
        <span>{t('dataImport')}</span>
        <input
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(event) => void importFile(event.currentTarget)}
        />
      </label>
      <p class="hint">{t('dataImportHint')}</p>
      <p role="status" class={status.error ? 'status error' : 'status'}>
        {status.text}
      </p>
    </>
  );
}
