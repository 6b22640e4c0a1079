import { browser } from 'wxt/browser';
import type { OutboxItem } from '../db/schemas';
import { type Deliver, DeliveryResultSchema } from '../messages/background-to-content';
import { ATTEMPT_TIMEOUT_MS, type Outcome, WAITING_FOR_TAB } from './outbox';

/** With no open tab of the intranet, look again this much later (or at once when one opens). */
const NO_TAB_WAIT_MS = 60_000;

const timedOut = Symbol('timed out');
/** No script in the tab took the message: safe to try another tab. */
const notTaken = Symbol('not taken');
/** Chrome's words for a tab without any of our scripts (nothing was delivered). */
const NO_RECEIVER = /Receiving end does not exist/i;

/**
 * Asks one tab. A script that took the delivery and then vanished (the tab closed or navigated, the
 * page crashed) may have sent the write: that is uncertain, never "try the next tab".
 */
async function ask(tabId: number, message: Deliver): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      browser.tabs.sendMessage(tabId, message).then(
        (reply: unknown) => reply ?? notTaken,
        (error: unknown) => {
          const text = error instanceof Error ? error.message : String(error);
          if (NO_RECEIVER.test(text)) return notTaken;
          return { ok: false, kind: 'uncertain', reason: `the page went away before it answered (${text})` };
        },
      ),
      new Promise<typeof timedOut>((resolve) => {
        timer = setTimeout(() => resolve(timedOut), ATTEMPT_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The page transport: a content script in an open tab of the item's intranet makes the write with
 * the user's session. Tabs are tried in turn; a tab without a script for that adapter does not answer.
 */
export async function deliverThroughPage(item: OutboxItem, message: Deliver): Promise<Outcome> {
  const tabs = await browser.tabs.query({ url: `${item.origin}/*` });
  for (const tab of tabs) {
    if (tab.id === undefined || !tab.url || new URL(tab.url).origin !== item.origin) continue;
    const reply = await ask(tab.id, message);
    if (reply === notTaken) continue;
    if (reply === timedOut) {
      return {
        kind: 'uncertain',
        reason: `no answer from the intranet within ${ATTEMPT_TIMEOUT_MS / 1000} s`,
      };
    }
    const parsed = DeliveryResultSchema.safeParse(reply);
    if (!parsed.success) return { kind: 'uncertain', reason: 'unreadable answer from the page' };
    const result = parsed.data;
    return result.ok
      ? { kind: 'done', remoteId: result.remoteId }
      : { kind: result.kind, reason: result.reason, retryAfterMs: result.retryAfterMs };
  }
  return { kind: 'wait', reason: `${WAITING_FOR_TAB} of ${item.origin}`, waitMs: NO_TAB_WAIT_MS };
}
