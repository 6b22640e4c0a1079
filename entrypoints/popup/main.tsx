import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Heatmap } from '../../components/popup/Heatmap';
import { PeopleThankedMost } from '../../components/popup/PeopleThankedMost';
import { StreakSummary } from '../../components/popup/StreakSummary';
import { SyncStatus } from '../../components/popup/SyncStatus';
import { ThisPage } from '../../components/popup/ThisPage';
import { WeeklyLog } from '../../components/popup/WeeklyLog';
import { WeekSummary } from '../../components/popup/WeekSummary';
import { YearTotals } from '../../components/popup/YearTotals';
import { openDatabase } from '../../lib/db/database';
import { dayKeyOf } from '../../lib/db/day-key';
import { setAddressForm, t } from '../../lib/i18n/t';
import { readSettings } from '../../lib/settings/settings';
import { readDailyRows, type Stats, statsOf } from '../../lib/streak/read-stats';

/** Set once the streak, heatmap and totals are on screen; `npm run bench` reads it (popupFirstRenderMs). */
const FIRST_USEFUL_FRAME = 'rueckenwind:popup-first-useful-frame';

// Reading is allowed outside the background; writing never is.
const db = openDatabase();

/** The tab the popup is about: the active one, or `?tab=<id>` when opened as a page (tests, options). */
async function targetTabId(): Promise<number | undefined> {
  const requested = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) return requested;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/** Rendered only once the stats are read: the first frame already shows the streak, not a spinner. */
function Popup({ stats }: { stats: Stats }) {
  const [tabId, setTabId] = useState<number | undefined>();
  const { today, streak } = stats;
  const monday = streak.thisWeek.monday;

  useEffect(() => {
    void targetTabId().then(setTabId);
  }, []);

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
      <StreakSummary streak={streak} />
      <WeekSummary totals={stats.thisWeek} weekLabel={weekLabel} />
      <WeeklyLog db={db} monday={monday} today={today} />
      <Heatmap heatmap={stats.heatmap} today={today} repaired={streak.repaired} />
      <YearTotals totals={stats.thisYear} year={today.slice(0, 4)} />
      <PeopleThankedMost db={db} today={today} />
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
  const today = dayKeyOf(Date.now());
  // Both reads at once: the first frame waits for the slower of them, not for their sum.
  void Promise.all([readSettings(db), readDailyRows(db, today)]).then(([settings, rows]) => {
    setAddressForm(settings.addressForm);
    render(<Popup stats={statsOf(rows, today, settings.weeklyGoal)} />, app);
    // After the frame that shows it has been painted.
    requestAnimationFrame(() => setTimeout(() => performance.mark(FIRST_USEFUL_FRAME)));
  });
}
