import { browser } from 'wxt/browser';
import type { OutboxItem } from '../db/schemas';
import { type Deliver, DeliveryResultSchema } from '../messages/background-to-content';
import type { Outcome } from './outbox';

/** Longer than the content script's own request timeout (20 s), shorter than a lease. */
const DELIVERY_TIMEOUT_MS = 25_000;
/** With no open tab of the intranet, look again this much later (or at once when one opens). */
const NO_TAB_WAIT_MS = 60_000;

const timedOut = Symbol('timed out');

/**
 * The page transport: a content script in an open tab of the item's intranet makes the write with
 * the user's session. Tabs are tried in turn; a tab without a script for that adapter does not answer.
 */
export async function deliverThroughPage(item: OutboxItem, message: Deliver): Promise<Outcome> {
  const tabs = await browser.tabs.query({ url: `${item.origin}/*` });
  for (const tab of tabs) {
    if (tab.id === undefined || !tab.url || new URL(tab.url).origin !== item.origin) continue;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reply = await Promise.race([
      browser.tabs.sendMessage(tab.id, message).catch(() => undefined),
      new Promise<typeof timedOut>((resolve) => {
        timer = setTimeout(() => resolve(timedOut), DELIVERY_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (reply === timedOut) return { kind: 'uncertain', reason: 'no answer from the intranet within 25 s' };
    if (reply === undefined) continue;
    const parsed = DeliveryResultSchema.safeParse(reply);
    if (!parsed.success) return { kind: 'uncertain', reason: 'unreadable answer from the page' };
    const result = parsed.data;
    return result.ok
      ? { kind: 'done', remoteId: result.remoteId }
      : { kind: result.kind, reason: result.reason, retryAfterMs: result.retryAfterMs };
  }
  return { kind: 'wait', reason: `waiting for an open tab of ${item.origin}`, waitMs: NO_TAB_WAIT_MS };
}
