import { browser } from 'wxt/browser';
import type { RueckenwindDb } from '../db/database';
import { contentScriptFile } from '../intranets/content-scripts';
import { addIntranet } from '../intranets/manage';

async function tabsOf(origin: string) {
  return (await browser.tabs.query({ url: `${origin}/*` })).filter((tab) => tab.id !== undefined && tab.url);
}

/**
 * Takes the generic adapter down in the origin's open tabs and waits until each has done so: a copy
 * still running with the old selectors would keep the new one from starting.
 */
async function stopInTabs(origin: string): Promise<void> {
  for (const tab of await tabsOf(origin)) {
    if (tab.id === undefined || !tab.url) continue;
    await browser.tabs
      .sendMessage(tab.id, { type: 'intranet.disabled', origin: new URL(tab.url).origin })
      .catch(() => undefined);
  }
}

/** Turns a freshly taught site on: the generic adapter with the new selectors, in every open tab. */
export async function enableTaughtSite(db: RueckenwindDb, origin: string, now: number): Promise<void> {
  await stopInTabs(origin);
  await addIntranet(db, { origin, host: 'generic', name: new URL(origin).host }, now);
}

/** After a correction: open tabs of an enabled taught site start again with the corrected selectors. */
export async function restartTaughtSite(db: RueckenwindDb, origin: string): Promise<void> {
  const intranet = await db.intranets.get(origin);
  if (!intranet?.enabled || intranet.host !== 'generic') return;
  await stopInTabs(origin);
  for (const tab of await tabsOf(origin)) {
    if (tab.id === undefined) continue;
    await browser.scripting
      .executeScript({ target: { tabId: tab.id }, files: [contentScriptFile('generic')] })
      .catch(() => undefined);
  }
}
