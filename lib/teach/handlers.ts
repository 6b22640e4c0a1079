import { browser } from 'wxt/browser';
import type { RueckenwindDb } from '../db/database';
import { InvalidRecordError } from '../db/validate';
import { removeIntranet } from '../intranets/manage';
import type { DispatcherDeps } from '../messages/dispatcher';
import { fail, ok } from '../messages/result';
import { readSettings } from '../settings/settings';
import { closeTeachSession, liveTeachSession, openTeachSession, saveTaughtSite } from './store';
import { enableTaughtSite, restartTaughtSite } from './tabs';

type UiHandlers = DispatcherDeps['ui'];
type TeachUiHandlers = Pick<UiHandlers, 'teach.start' | 'teach.update' | 'teach.forget'>;

function failureOf(error: unknown) {
  if (error instanceof InvalidRecordError) return fail('errorInvalidMessage');
  return fail('errorStorage', error instanceof Error ? error.message : String(error));
}

function originOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

/** The background's side of teaching a site: sessions, the picker's messages, corrections, forgetting. */
export function createTeachHandlers(
  db: RueckenwindDb,
  clock: { now: () => number },
): Pick<DispatcherDeps, 'findTeachSession' | 'teach'> & { ui: TeachUiHandlers } {
  return {
    findTeachSession: (tabId) => liveTeachSession(db, tabId, clock.now()),
    teach: {
      'teach.hello': async () => {
        try {
          return ok({ addressForm: (await readSettings(db)).addressForm });
        } catch (error) {
          return failureOf(error);
        }
      },
      'teach.save': async (message, context) => {
        const now = clock.now();
        try {
          await saveTaughtSite(db, context.origin, message.selectors, now);
          await closeTeachSession(db, context.tabId);
          await enableTaughtSite(db, context.origin, now);
          return ok({ origin: context.origin });
        } catch (error) {
          return failureOf(error);
        }
      },
      'teach.cancel': async (_message, context) => {
        try {
          await closeTeachSession(db, context.tabId);
          return ok({ origin: context.origin });
        } catch (error) {
          return failureOf(error);
        }
      },
    },
    ui: {
      'teach.start': async ({ tabId, origin }) => {
        // The popup asked for the origin in the user's click; without it the picker could not run.
        if (!(await browser.permissions.contains({ origins: [`${origin}/*`] }))) {
          return fail('errorNoPermission', origin);
        }
        const tab = await browser.tabs.get(tabId).catch(() => undefined);
        if (originOf(tab?.url) !== origin) return fail('errorWrongSender', 'the tab shows another site');
        try {
          // A site an adapter knows is not taught: the generic entry would replace that adapter's.
          const known = await db.intranets.get(origin);
          if (known && known.host !== 'generic') return fail('errorKnownSite', known.name);
          await openTeachSession(db, tabId, origin, clock.now());
        } catch (error) {
          return failureOf(error);
        }
        try {
          await browser.scripting.executeScript({ target: { tabId }, files: ['/teach-site.js'] });
        } catch (error) {
          await closeTeachSession(db, tabId);
          return fail('errorUnknown', error instanceof Error ? error.message : String(error));
        }
        return ok({ origin });
      },
      'teach.update': async ({ origin, selectors }) => {
        try {
          if (!(await db.taughtSites.get(origin))) return fail('errorNotEnabled', origin);
          await saveTaughtSite(db, origin, selectors, clock.now());
          await restartTaughtSite(db, origin);
          return ok({ origin });
        } catch (error) {
          return failureOf(error);
        }
      },
      'teach.forget': async ({ origin }) => {
        try {
          const site = await db.taughtSites.get(origin);
          const intranet = await db.intranets.get(origin);
          if (!site && intranet?.host !== 'generic') return fail('errorNotEnabled', origin);
          await db.taughtSites.delete(origin);
          // Its entry, registration and permission go too; its buttons leave the open tabs.
          if (intranet?.host === 'generic') await removeIntranet(db, origin);
          return ok({ origin });
        } catch (error) {
          return failureOf(error);
        }
      },
    },
  };
}
