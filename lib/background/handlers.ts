import { browser } from 'wxt/browser';
import type { RueckenwindDb } from '../db/database';
import { dayKeyOf } from '../db/day-key';
import { findEnabledIntranet, thankedPostIds } from '../db/reads';
import type { Recognition } from '../db/schemas';
import { InvalidRecordError } from '../db/validate';
import { deleteRecognition, saveRecognition, setIntranetEnabled } from '../db/writes';
import type { BackgroundToContent } from '../messages/background-to-content';
import type { DispatcherDeps } from '../messages/dispatcher';
import { fail, ok } from '../messages/result';

type Clock = { now: () => number; newId: () => string };

const systemClock: Clock = { now: () => Date.now(), newId: () => crypto.randomUUID() };

function storageFailure(error: unknown) {
  return fail('errorStorage', error instanceof Error ? error.message : String(error));
}

/** Tells other open tabs of the same intranet, so a post shown there flips to "thanked" too. */
async function notifyTabs(origin: string, message: BackgroundToContent, exceptTabId: number | undefined) {
  const tabs = await browser.tabs.query({ url: `${origin}/*` });
  for (const tab of tabs) {
    if (tab.id === undefined || tab.id === exceptTabId) continue;
    browser.tabs.sendMessage(tab.id, message).catch(() => {
      // A tab without our content script (or mid-navigation) has nobody to tell.
    });
  }
}

/** The background's handlers, the only code that writes the database. */
export function createHandlers(
  db: RueckenwindDb,
  clock: Clock = systemClock,
): Pick<DispatcherDeps, 'content' | 'ui' | 'findEnabledIntranet'> {
  return {
    findEnabledIntranet: (url) => findEnabledIntranet(db, url),
    content: {
      'recognition.save': async (message, context) => {
        const now = clock.now();
        const record: Recognition = {
          id: clock.newId(),
          direction: 'given',
          from: message.from,
          to: message.to,
          post: message.post,
          message: message.message,
          value: message.value,
          createdAt: now,
          day: dayKeyOf(now),
          sync: { state: 'pending', updatedAt: now },
        };
        try {
          await saveRecognition(db, record, { sync: true, now });
        } catch (error) {
          return error instanceof InvalidRecordError ? fail('errorInvalidMessage') : storageFailure(error);
        }
        void notifyTabs(
          context.origin,
          { type: 'post.thanked', origin: context.origin, postId: message.post.postId, state: 'pending' },
          context.tabId,
        ).catch(() => undefined);
        return ok({ id: record.id, state: record.sync.state });
      },
      'posts.status': async (message, context) => {
        try {
          const thanked = await thankedPostIds(db, context.origin, message.postIds);
          return ok({ thanked: [...thanked] });
        } catch (error) {
          return storageFailure(error);
        }
      },
    },
    ui: {
      'intranet.setEnabled': async (message) => {
        try {
          const found = await setIntranetEnabled(db, message.origin, message.enabled);
          return found ? ok({ origin: message.origin, enabled: message.enabled }) : fail('errorNotEnabled');
        } catch (error) {
          return storageFailure(error);
        }
      },
      'recognition.delete': async (message) => {
        try {
          await deleteRecognition(db, message.id);
          return ok({ id: message.id });
        } catch (error) {
          return storageFailure(error);
        }
      },
    },
  };
}
