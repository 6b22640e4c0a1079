import { browser } from 'wxt/browser';
import type { RueckenwindDb } from '../db/database';
import { type HostId, type Intranet, IntranetSchema } from '../db/schemas';
import { parseRecord } from '../db/validate';
import type { BackgroundToContent } from '../messages/background-to-content';
import { contentScriptFile } from './content-scripts';
import { syncRegistrations } from './sync-registrations';

/** Tabs currently showing `origin`; host permissions let us see their URLs. */
async function tabsOf(origin: string) {
  return (await browser.tabs.query({ url: `${origin}/*` })).filter((tab) => tab.id !== undefined);
}

/**
 * Tells every open tab of an intranet, e.g. to flip a button or remove our UI. Each tab is addressed
 * with its own origin: a built-in entry covers every port, and content scripts only act on messages
 * for their own origin.
 */
export async function notifyTabs(
  origin: string,
  message: (tabOrigin: string) => BackgroundToContent,
  exceptTabId?: number,
): Promise<void> {
  for (const tab of await tabsOf(origin)) {
    if (tab.id === exceptTabId || tab.id === undefined || !tab.url) continue;
    browser.tabs.sendMessage(tab.id, message(new URL(tab.url).origin)).catch(() => {
      // A tab without our content script (or mid-navigation) has nobody to tell.
    });
  }
}

/**
 * Adds (or re-enables) an intranet the user granted, registers its adapter's content script and
 * starts it in the tabs already open there, so the buttons appear without a reload.
 */
export async function addIntranet(
  db: RueckenwindDb,
  entry: { origin: string; host: HostId; name: string },
  now: number,
): Promise<Intranet> {
  const existing = await db.intranets.get(entry.origin);
  const record = parseRecord(IntranetSchema, 'intranets', {
    ...entry,
    enabled: true,
    anyPort: false,
    source: existing?.source === 'policy' ? 'policy' : 'user',
    addedAt: existing?.addedAt ?? now,
  });
  await db.intranets.put(record);
  await syncRegistrations(db);
  for (const tab of await tabsOf(entry.origin)) {
    if (tab.id === undefined) continue;
    await browser.scripting
      .executeScript({ target: { tabId: tab.id }, files: [contentScriptFile(entry.host)] })
      .catch(() => undefined);
  }
  return record;
}

/** Switches an intranet on or off; off removes our UI from its open tabs at once. */
export async function setIntranetOn(db: RueckenwindDb, origin: string, enabled: boolean): Promise<boolean> {
  const changed = (await db.intranets.update(origin, { enabled })) === 1;
  if (!changed) return false;
  await syncRegistrations(db);
  if (!enabled) await notifyTabs(origin, (tabOrigin) => ({ type: 'intranet.disabled', origin: tabOrigin }));
  return true;
}

/** Forgets an intranet the user added and gives its permission back. Built-in entries can only be switched off. */
export async function removeIntranet(db: RueckenwindDb, origin: string): Promise<boolean> {
  const existing = await db.intranets.get(origin);
  if (!existing || existing.source === 'builtin') return false;
  await db.intranets.delete(origin);
  await syncRegistrations(db);
  await notifyTabs(origin, (tabOrigin) => ({ type: 'intranet.disabled', origin: tabOrigin }));
  await browser.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
  return true;
}

/**
 * The user revoked host permissions (in the browser's extension settings, or through us): intranets
 * on those origins are switched off, their registrations dropped and their buttons removed.
 */
export async function onOriginsRevoked(db: RueckenwindDb, patterns: readonly string[]): Promise<void> {
  const origins = patterns.map((pattern) => pattern.replace(/\/\*$/, ''));
  for (const intranet of await db.intranets.toArray()) {
    if (!origins.includes(intranet.origin) || intranet.source === 'builtin') continue;
    await db.intranets.update(intranet.origin, { enabled: false });
    await notifyTabs(intranet.origin, (tabOrigin) => ({ type: 'intranet.disabled', origin: tabOrigin }));
  }
  await syncRegistrations(db);
}
