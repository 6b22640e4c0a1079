import type { RueckenwindDb } from '../db/database';
import type { HostId, OutboxItem } from '../db/schemas';
import type { Deliver } from '../messages/background-to-content';
import { acknowledge, claimDue, type Outcome, releaseExpiredLeases } from './outbox';
import { type Limit, type SendLog, take } from './rate-limit';

/** Documented request limits (HOSTS.md), so we never provoke a 429. */
export const HOST_LIMITS: Partial<Record<HostId, Limit>> = {
  'viva-engage': { requests: 10, perMs: 30_000 },
  discourse: { requests: 20, perMs: 60_000 },
  slack: { requests: 1, perMs: 1_000 },
  teams: { requests: 4, perMs: 1_000 },
};

/** One drain stays far under the 30 s a service worker may idle. */
const DRAIN_BUDGET_MS = 20_000;
const BATCH = 5;

export type EngineDeps = {
  now: () => number;
  deliver: (item: OutboxItem, message: Deliver) => Promise<Outcome>;
  /** After each acknowledged item, e.g. to update the button in open tabs and the badge. */
  settled?: (item: OutboxItem, outcome: Outcome) => Promise<void> | void;
};

/** What to send for an item, read from its record; undefined when the record is gone. */
async function messageFor(db: RueckenwindDb, item: OutboxItem): Promise<Deliver | undefined> {
  const uncertain = item.uncertainSince === undefined ? {} : { uncertainSince: item.uncertainSince };
  if (item.kind === 'recognition') {
    const rec = await db.recognitions.get(item.recordId);
    if (!rec?.post || !rec.postedText) return undefined;
    return {
      type: 'outbox.deliver',
      origin: item.origin,
      host: item.host,
      text: rec.postedText,
      post: rec.post,
      ...uncertain,
    };
  }
  if (item.kind === 'wol-post') {
    const post = await db.wolPosts.get(item.recordId);
    if (!post) return undefined;
    return {
      type: 'outbox.deliver',
      origin: item.origin,
      host: item.host,
      text: post.text,
      target: post.target,
      ...uncertain,
    };
  }
  return undefined;
}

/**
 * Drains the outbox: claim a few due items, send each outside any transaction, acknowledge each in a
 * second one; until nothing is due or the time budget is spent. Concurrent calls share one drain.
 */
export function createSyncEngine(db: RueckenwindDb, deps: EngineDeps) {
  const sendLogs = new Map<HostId, SendLog>();
  let draining: Promise<number> | undefined;

  const attempt = async (item: OutboxItem): Promise<Outcome> => {
    const message = await messageFor(db, item);
    if (!message) return { kind: 'permanent', reason: 'the saved record is gone' };
    const limit = HOST_LIMITS[item.host];
    if (limit) {
      const slot = take(sendLogs.get(item.host) ?? [], limit, deps.now());
      sendLogs.set(item.host, slot.log);
      if (!slot.ok) return { kind: 'wait', reason: 'rate limit', waitMs: slot.waitMs };
    }
    return deps.deliver(item, message);
  };

  const drainOnce = async (): Promise<number> => {
    const started = deps.now();
    let settled = 0;
    await releaseExpiredLeases(db, started);
    while (deps.now() - started < DRAIN_BUDGET_MS) {
      const items = await claimDue(db, deps.now(), BATCH);
      if (items.length === 0) break;
      for (const item of items) {
        const outcome = await attempt(item);
        await acknowledge(db, item, outcome, deps.now());
        await deps.settled?.(item, outcome);
        settled += 1;
      }
    }
    return settled;
  };

  return {
    drain(): Promise<number> {
      draining ??= drainOnce().finally(() => {
        draining = undefined;
      });
      return draining;
    },
  };
}
