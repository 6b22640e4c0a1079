/**
 * Reads for popup, options and the background. They touch indexes and the daily aggregate only, so
 * they stay instant however long the history grows.
 */
import { AGGREGATE_COUNTERS } from './aggregates';
import type { RueckenwindDb } from './database';
import type { AggregateCounter, DayKey, Intranet, Sync } from './schemas';

export type Totals = Record<AggregateCounter, number>;

/** Counters summed over `from`..`to`, both included, from the daily aggregate alone. */
export async function totalsForDays(db: RueckenwindDb, from: DayKey, to: DayKey): Promise<Totals> {
  const totals: Totals = { thanksGiven: 0, thanksReceived: 0, wolPosts: 0, weeklyLogs: 0 };
  if (from > to) return totals;
  await db.dailyAggregates
    .where('day')
    .between(from, to, true, true)
    .each((row) => {
      for (const counter of AGGREGATE_COUNTERS) totals[counter] += row[counter];
    });
  return totals;
}

/** For each of `postIds` on `origin` the user thanked, the delivery state of the latest thank-you. */
export async function thanksStateOfPosts(
  db: RueckenwindDb,
  origin: string,
  postIds: string[],
): Promise<Map<string, Sync>> {
  const states = new Map<string, Sync>();
  if (postIds.length === 0) return states;
  const thanked = await db.recognitions
    .where('[post.origin+post.postId]')
    .anyOf(postIds.map((postId) => [origin, postId]))
    // Thanks received for the user's own posts share the index but are not the user's thanks.
    .and((rec) => rec.direction === 'given')
    .sortBy('createdAt');
  // Sorted oldest first, so the latest thank-you on a post decides its state.
  for (const rec of thanked) if (rec.post) states.set(rec.post.postId, rec.sync);
  return states;
}

/**
 * How many of the user's latest work-out-loud posts are looked at for the posts a page shows. No index
 * leads from a post to the WOL posts that link it, so the newest are read instead: at a few a week that
 * is years of them, and asking stays cheap however long the history grows.
 */
export const WOL_LINKS_LOOKED_AT = 200;

/** For each of `postIds` on `origin` a WOL post of the user links, that latest WOL post's id and delivery state. */
export async function wolStateOfPosts(
  db: RueckenwindDb,
  origin: string,
  postIds: string[],
): Promise<Map<string, { id: string; sync: Sync }>> {
  const states = new Map<string, { id: string; sync: Sync }>();
  if (postIds.length === 0) return states;
  const wanted = new Set(postIds);
  const latest = await db.wolPosts.orderBy('createdAt').reverse().limit(WOL_LINKS_LOOKED_AT).toArray();
  // Newest first, so the first WOL post found for a post decides its state.
  for (const { id, linkedPost, sync } of latest) {
    if (linkedPost?.origin !== origin || !wanted.has(linkedPost.postId) || states.has(linkedPost.postId))
      continue;
    states.set(linkedPost.postId, { id, sync });
  }
  return states;
}

/**
 * The enabled intranet entry for `url`, if any. An entry for the exact origin decides alone (a user
 * who disabled `http://localhost:3000` means it). Otherwise an `anyPort` entry, stored without a port,
 * matches the same protocol and hostname on any port.
 */
export async function findEnabledIntranet(db: RueckenwindDb, url: string): Promise<Intranet | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const exact = await db.intranets.get(parsed.origin);
  if (exact) return exact.enabled ? exact : undefined;
  const portless = await db.intranets.get(`${parsed.protocol}//${parsed.hostname}`);
  if (portless?.anyPort) return portless.enabled ? portless : undefined;
  // SaaS hosts give every customer a subdomain (`acme.atlassian.net`): `https://*.atlassian.net`.
  const labels = parsed.hostname.split('.');
  for (let i = 1; i < labels.length - 1; i++) {
    const wildcard = await db.intranets.get(`${parsed.protocol}//*.${labels.slice(i).join('.')}`);
    if (wildcard) return wildcard.enabled ? wildcard : undefined;
  }
  return undefined;
}
