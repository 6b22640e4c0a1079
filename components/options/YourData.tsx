import type { RueckenwindDb } from '../../lib/db/database';
import { t } from '../../lib/i18n/t';
import { DataExport } from './DataExport';
import { DeleteAllData } from './DeleteAllData';

/** The user's data: take it along, bring it back, or delete it (WOL.md "Privacy in German companies"). */
export function YourData({ db, onChange }: { db: RueckenwindDb; onChange: () => void }) {
  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{t('dataHeading')}</h2>
      <p class="hint">{t('dataHint')}</p>
      <DataExport db={db} onImported={onChange} />
      <DeleteAllData onDeleted={onChange} />
    </section>
  );
}
