/**
 * The popup's sections that read records rather than the daily aggregate: loaded and rendered after
 * the first frame (main.tsx), so that they never delay the streak, the heatmap and the totals.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PeopleThankedMost } from '../../components/popup/PeopleThankedMost';
import { SyncStatus } from '../../components/popup/SyncStatus';
import { ThisPage } from '../../components/popup/ThisPage';
import type { RueckenwindDb } from '../../lib/db/database';
import type { DayKey } from '../../lib/db/schemas';

/** The tab the popup is about: the active one, or `?tab=<id>` when opened as a page (tests, options). */
async function targetTabId(): Promise<number | undefined> {
  const requested = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) return requested;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

export function LaterSections({ db, today }: { db: RueckenwindDb; today: DayKey }) {
  const [tabId, setTabId] = useState<number | undefined>();
  useEffect(() => {
    void targetTabId().then(setTabId);
  }, []);
  return (
    <>
      <PeopleThankedMost db={db} today={today} />
      <SyncStatus db={db} />
      {tabId !== undefined && <ThisPage db={db} tabId={tabId} />}
    </>
  );
}
