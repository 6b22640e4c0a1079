import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { WeekSummary } from '../../components/popup/WeekSummary';
import { openDatabase } from '../../lib/db/database';
import { addDays, dayKeyOf, weekStartOf } from '../../lib/db/day-key';
import { totalsForDays } from '../../lib/db/reads';
import { t } from '../../lib/i18n/t';

type Totals = Awaited<ReturnType<typeof totalsForDays>>;

function Popup() {
  const [totals, setTotals] = useState<Totals | undefined>();
  const monday = weekStartOf(dayKeyOf(Date.now()));

  useEffect(() => {
    // Reading is allowed outside the background; writing never is.
    const db = openDatabase();
    void totalsForDays(db, monday, addDays(monday, 6)).then(setTotals);
    return () => db.close();
  }, [monday]);

  const weekLabel = t(
    'popupWeekOf',
    new Date(`${monday}T12:00:00`).toLocaleDateString(browser.i18n.getUILanguage(), {
      day: 'numeric',
      month: 'long',
    }),
  );
  return (
    <main>
      <h1>{t('extName')}</h1>
      <WeekSummary totals={totals} weekLabel={weekLabel} />
      <p class="privacy">{t('popupPrivacy')}</p>
    </main>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
const app = document.getElementById('app');
if (app) render(<Popup />, app);
