// Evaluated first, so that the read starts before anything else runs.
import './first-frame-reading';
import { type ComponentType, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Heatmap } from '../../components/popup/Heatmap';
import { StreakSummary } from '../../components/popup/StreakSummary';
import { WeeklyLog } from '../../components/popup/WeeklyLog';
import { WeekSummary } from '../../components/popup/WeekSummary';
import { YearTotals } from '../../components/popup/YearTotals';
import type { RueckenwindDb } from '../../lib/db/database';
import type { DayKey } from '../../lib/db/schemas';
import { setAddressForm, t } from '../../lib/i18n/t';
import { firstFrameOf } from '../../lib/streak/first-frame';
import type { StoredFirstFrame } from '../../lib/streak/read-first-frame';
import { type Stats, statsOf } from '../../lib/streak/read-stats';
import { firstFrameReading, firstFrameToday } from './first-frame-reading';
import { popupDatabase } from './popup-database';

/** Set once the streak, heatmap and totals are on screen; `npm run bench` reads it (popupFirstRenderMs). */
const FIRST_USEFUL_FRAME = 'rueckenwind:popup-first-useful-frame';

type Later = { Sections: ComponentType<{ db: RueckenwindDb; today: DayKey }>; db: RueckenwindDb };

let firstFramePainted: () => void = () => undefined;
const painted = new Promise<void>((resolve) => {
  firstFramePainted = resolve;
});

/** What needs records and Dexie: fetched only once the first frame has been painted. */
async function loadLater(): Promise<Later> {
  await painted;
  const [{ LaterSections }, db] = await Promise.all([import('./later-sections'), popupDatabase()]);
  return { Sections: LaterSections, db };
}

/** Rendered only once the stats are read: the first frame already shows the streak, not a spinner. */
function Popup({ stats }: { stats: Stats }) {
  const [later, setLater] = useState<Later | undefined>();
  const { today, streak } = stats;
  const monday = streak.thisWeek.monday;

  useEffect(() => {
    void loadLater().then(setLater);
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
      <WeeklyLog database={popupDatabase} monday={monday} today={today} />
      <Heatmap heatmap={stats.heatmap} today={today} repaired={streak.repaired} />
      <YearTotals totals={stats.thisYear} year={today.slice(0, 4)} />
      {later && <later.Sections db={later.db} today={today} />}
      <p class="privacy">{t('popupPrivacy')}</p>
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('popupSettings')}
      </button>
    </main>
  );
}

/** Renders the popup from what first-frame-reading.ts read, then marks its first painted frame. */
async function showPopup(reading: Promise<StoredFirstFrame>, today: DayKey): Promise<void> {
  document.documentElement.lang = browser.i18n.getUILanguage();
  const app = document.getElementById('app');
  if (!app) return;
  const { settings, rows, weeks } = firstFrameOf(await reading, today);
  setAddressForm(settings.addressForm);
  render(<Popup stats={statsOf(rows, weeks, today, settings.weeklyGoal)} />, app);
  // After the frame that shows it has been painted.
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark(FIRST_USEFUL_FRAME);
      firstFramePainted();
    }),
  );
}

void showPopup(firstFrameReading, firstFrameToday);
