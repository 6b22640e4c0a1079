import { browser } from 'wxt/browser';
import type { RueckenwindDb } from '../db/database';
import { REGISTRATION_PREFIX, registrationsFor } from './content-scripts';

/** Whether the user (or policy) granted us this origin; without it a registration would fail. */
async function granted(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [`${origin}/*`] });
}

/**
 * Makes the registered content scripts match the enabled intranets the user granted. Registrations
 * persist across browser restarts; running this again (on start-up, after each change) repairs drift.
 */
export async function syncRegistrations(db: RueckenwindDb): Promise<void> {
  const intranets = await db.intranets.toArray();
  const allowed = [];
  for (const intranet of intranets)
    if (intranet.source === 'builtin' || (await granted(intranet.origin))) allowed.push(intranet);
  const wanted = registrationsFor(allowed);
  const ours = (await browser.scripting.getRegisteredContentScripts())
    .map((script) => script.id)
    .filter((id) => id.startsWith(REGISTRATION_PREFIX));
  if (ours.length > 0) await browser.scripting.unregisterContentScripts({ ids: ours });
  if (wanted.length > 0) {
    await browser.scripting.registerContentScripts(
      wanted.map((script) => ({ ...script, persistAcrossSessions: true })),
    );
  }
}
