/**
 * The background's writes for taught sites and teach sessions (only the background writes the
 * database). Sessions live in the database, not in a global: the service worker is stopped after
 * ~30 s idle, and teaching a site takes longer than that.
 */
import type { RueckenwindDb } from '../db/database';
import {
  type TaughtSelectors,
  type TaughtSite,
  TaughtSiteSchema,
  type TeachSession,
  TeachSessionSchema,
} from '../db/schemas';
import { parseRecord } from '../db/validate';

/** How long the picker may take from "Teach Rückenwind this site" to "Save". */
export const TEACH_SESSION_MS = 30 * 60_000;

/** Opens (or reopens) the tab's teach session, and drops every expired one. */
export async function openTeachSession(
  db: RueckenwindDb,
  tabId: number,
  origin: string,
  now: number,
): Promise<TeachSession> {
  const session = parseRecord(TeachSessionSchema, 'teachSessions', {
    tabId,
    origin,
    expiresAt: now + TEACH_SESSION_MS,
  });
  await db.transaction('rw', db.teachSessions, async () => {
    await db.teachSessions.filter((old) => old.expiresAt <= now).delete();
    await db.teachSessions.put(session);
  });
  return session;
}

/** The tab's session while it lasts. */
export async function liveTeachSession(
  db: RueckenwindDb,
  tabId: number,
  now: number,
): Promise<TeachSession | undefined> {
  const session = await db.teachSessions.get(tabId);
  return session && session.expiresAt > now ? session : undefined;
}

export async function closeTeachSession(db: RueckenwindDb, tabId: number): Promise<void> {
  await db.teachSessions.delete(tabId);
}

/** Stores a site's selectors; teaching it again keeps the date it was first taught. */
export async function saveTaughtSite(
  db: RueckenwindDb,
  origin: string,
  selectors: TaughtSelectors,
  now: number,
): Promise<TaughtSite> {
  return db.transaction('rw', db.taughtSites, async () => {
    const existing = await db.taughtSites.get(origin);
    const site = parseRecord(TaughtSiteSchema, 'taughtSites', {
      origin,
      selectors,
      taughtAt: existing?.taughtAt ?? now,
      updatedAt: now,
    });
    await db.taughtSites.put(site);
    return site;
  });
}
