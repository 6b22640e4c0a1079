/**
 * "Add the author to my relationship list" in the context menu of an intranet page: one click on a
 * post puts its author on the list of the user's newest circle. The content script says whose post
 * the menu was opened on; the background, as always, does the writing.
 */
import { browser } from 'wxt/browser';
import type { RueckenwindDb } from '../db/database';
import { findEnabledIntranet } from '../db/reads';
import { type Person, RelationshipSchema } from '../db/schemas';
import { parseRecord } from '../db/validate';
import { t } from '../i18n/t';
import { AuthorAtMenuReplySchema } from './content-messages';
import { samePerson } from './people';

const MENU_ID = 'rueckenwind-add-to-relationships';

type Clock = { now: () => number; newId: () => string };

/** Puts the person on the newest circle's list unless already there; false when there is no circle. */
export async function addToNewestCircle(db: RueckenwindDb, person: Person, clock: Clock): Promise<boolean> {
  return db.transaction('rw', [db.circles, db.relationships], async () => {
    const [newest] = (await db.circles.toArray()).sort((a, b) => b.createdAt - a.createdAt);
    if (!newest) return false;
    const listed = await db.relationships.where('circleId').equals(newest.id).toArray();
    if (listed.some((entry) => samePerson(entry.person, person))) return true;
    await db.relationships.add(
      parseRecord(RelationshipSchema, 'relationships', {
        id: clock.newId(),
        circleId: newest.id,
        person,
        closeness: 0,
        contributions: [],
        createdAt: clock.now(),
      }),
    );
    return true;
  });
}

async function authorUnderMenu(tabId: number, origin: string): Promise<Person | undefined> {
  const reply = await browser.tabs
    .sendMessage(tabId, { type: 'circle.authorAtMenu', origin })
    .catch(() => undefined);
  const parsed = AuthorAtMenuReplySchema.safeParse(reply);
  return parsed.success ? (parsed.data.author ?? undefined) : undefined;
}

function tell(message: string): Promise<string> {
  return browser.notifications.create(MENU_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icons/128.png'),
    title: t('extName'),
    message,
  });
}

export function offerAddFromPost(db: RueckenwindDb, report: (error: unknown) => void): void {
  const clock = { now: () => Date.now(), newId: () => crypto.randomUUID() };
  void browser.contextMenus
    .removeAll()
    .then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: t('menuAddToList'),
        contexts: ['page', 'link', 'selection'],
      }),
    )
    .catch(report);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined || !tab.url) return;
    const tabId = tab.id;
    const url = tab.url;
    void (async () => {
      if (!(await findEnabledIntranet(db, url))) return tell(t('menuNotEnabled'));
      const author = await authorUnderMenu(tabId, new URL(url).origin);
      if (!author) return tell(t('menuNoPost'));
      const added = await addToNewestCircle(db, author, clock);
      return tell(added ? t('menuAdded', author.name) : t('menuNoCircle'));
    })().catch(report);
  });
}
