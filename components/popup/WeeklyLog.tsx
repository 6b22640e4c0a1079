import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { RueckenwindDb } from '../../lib/db/database';
import type { DayKey } from '../../lib/db/schemas';
import { t } from '../../lib/i18n/t';
import './WeeklyLog.css';

/** `database`: Dexie loads after the popup's first frame; the log needs it only once opened. */
type Props = { database: () => Promise<RueckenwindDb>; monday: DayKey; today: DayKey };

async function openForm(database: Props['database'], monday: DayKey) {
  const [db, form] = await Promise.all([database(), import('./WeeklyLogForm')]);
  return { loaded: await form.loadWeeklyLog(db, monday), Form: form.CircleChoice };
}

/** "Log this week" in the toolbar: a button that opens the weekly log of the current week. */
export function WeeklyLog({ database, monday, today }: Props) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Awaited<ReturnType<typeof openForm>> | undefined>();
  useEffect(() => {
    if (open && !loaded) void openForm(database, monday).then(setLoaded);
  }, [open, loaded, database, monday]);

  return (
    <section class="weekly-log" aria-labelledby="weekly-log-heading">
      <h2 id="weekly-log-heading" class="visually-hidden">
        {t('logHeading')}
      </h2>
      <div class="row">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="weekly-log-form"
          onClick={() => setOpen(!open)}
        >
          {t('logThisWeek')}
        </button>
        <button
          type="button"
          class="link"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/circle.html') })}
        >
          {t('popupOpenCircle')}
        </button>
      </div>
      {open && (
        <div id="weekly-log-form">
          {loaded ? (
            <loaded.Form loaded={loaded.loaded} monday={monday} today={today} />
          ) : (
            <p aria-busy="true">{t('popupLoading')}</p>
          )}
        </div>
      )}
    </section>
  );
}
