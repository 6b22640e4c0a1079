import { browser } from 'wxt/browser';
import type { ContentContext } from '../messages/dispatcher';
import { fail, ok, type Result } from '../messages/result';
import { COMPOSERS_SCRIPT } from './composers-contract';

/**
 * The background's half of loading the composers: runs their script in the frame of the content script
 * that asked, which puts it in that script's isolated world. The dispatcher has already checked that the
 * sender is a tab on an enabled intranet, whose host permission (granted or declared) allows this.
 */
export async function injectComposers(context: ContentContext): Promise<Result<{ loaded: true }>> {
  if (context.tabId === undefined) return fail('errorWrongSender', 'not from a tab');
  try {
    await browser.scripting.executeScript({
      target: { tabId: context.tabId, frameIds: [context.frameId ?? 0] },
      files: [COMPOSERS_SCRIPT],
    });
    return ok({ loaded: true });
  } catch (error) {
    return fail('errorUnknown', error instanceof Error ? error.message : String(error));
  }
}
