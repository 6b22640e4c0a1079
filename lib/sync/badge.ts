import { browser } from 'wxt/browser';
import type { RueckenwindDb } from '../db/database';

/** The toolbar badge shows how many writes failed for good, so the user notices without opening anything. */
export async function showFailuresOnBadge(db: RueckenwindDb): Promise<void> {
  const failed = await db.outbox.where('state').equals('failed').count();
  await browser.action.setBadgeBackgroundColor({ color: '#cf222e' });
  await browser.action.setBadgeText({ text: failed > 0 ? String(failed) : '' });
}
