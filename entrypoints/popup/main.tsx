import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SyncStatus } from '../../components/popup/SyncStatus';
import { ThisPage } from '../../components/popup/ThisPage';
import { WeekSummary } from '../../components/popup/WeekSummary';
import { openDatabase } from '../../lib/db/database';
import { addDays, dayKeyOf, weekStartOf } from '../../lib/db/day-key';
import { totalsForDays } from '../../lib/db/reads';
import { setAddressForm, t } from '../../lib/i18n/t';
import { readSettings } from '../../lib/settings/settings';

type Totals = Awaited<ReturnType<typeof totalsForDays>>;

// Reading is allowed outside the background; writing never is.
const db = openDatabase();

/** The tab the popup is about: the active one, or `?tab=<id>` when opened as a page (tests, options). */
async function targetTabId(): Promise<number | undefined> {
  const requested = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) return requested;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

function Popup() {
  const [totals, setTotals] = useState<Totals | undefined>();
  const [tabId, setTabId] = useState<number | undefined>();
  const monday = weekStartOf(dayKeyOf(Date.now()));

  useEffect(() => {
    void totalsForDays(db, monday, addDays(monday, 6)).then(setTotals);
    void targetTabId().then(setTabId);
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
      <SyncStatus db={db} />
      {tabId !== undefined && <ThisPage db={db} tabId={tabId} />}
      <p class="privacy">{t('popupPrivacy')}</p>
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('popupSettings')}
      </button>
    </main>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
const app = document.getElementById('app');
if (app) {
  void readSettings(db).then((settings) => {
    setAddressForm(settings.addressForm);
    render(<Popup />, app);
  });
}
