import type { RueckenwindDb } from '../db/database';
import type { OutboxItem } from '../db/schemas';
import { setSyncState } from '../db/writes';
import { backoffDelay } from './backoff';
import type { FailureKind } from './classify';

/** The longest one attempt may take: every transport gives up on the host by then. */
export const ATTEMPT_TIMEOUT_MS = 25_000;
/**
 * How long after an attempt ended uncertainly we wait before looking for its write on the host: a
 * host still busy with a request we gave up on (a stall) may commit it late. Looking too early would
 * find nothing and write again; with the jitter it stays under the one-minute alarm period, so an
 * item that failed while offline goes out within a minute of the network's return.
 */
export const SETTLE_MS = 30_000;
const SETTLE_JITTER_MS = 15_000;
/** An item that stays uncertain (host unreachable) this long is given up and shown to the user. */
export const UNCERTAIN_GIVE_UP_MS = 3 * 24 * 60 * 60_000;
/** How long a claimed item is ours: far longer than one attempt, far shorter than a day. */
export const LEASE_MS = 2 * 60_000;
/** The reason an item waits for a tab of its intranet (the page transport); such items are tried on every drain. */
export const WAITING_FOR_TAB = 'waiting for an open tab';

const waitsForTab = (item: OutboxItem) => item.lastError?.startsWith(WAITING_FOR_TAB) === true;
/** When the attempt of a claimed item began. */
const claimedAt = (item: OutboxItem, now: number) =>
  item.leaseUntil === undefined ? now : item.leaseUntil - LEASE_MS;

/**
 * Items due now move from pending to inflight with a lease, in one transaction, so two drains (two
 * worker lives, or an alarm racing an enqueue) never send the same item at once. Items waiting for a
 * tab count as due: a drain may run because a tab of their intranet just opened. `accept` leaves
 * items out, e.g. those of a host whose rate limit is used up.
 */
export async function claimDue(
  db: RueckenwindDb,
  now: number,
  limit: number,
  accept: (item: OutboxItem) => boolean = () => true,
): Promise<OutboxItem[]> {
  return db.transaction('rw', db.outbox, async () => {
    const due = await db.outbox
      .where('[state+nextAttemptAt]')
      .between(['pending', 0], ['pending', now], true, true)
      .and(accept)
      .limit(limit)
      .toArray();
    const waiting =
      due.length < limit
        ? await db.outbox
            .where('[state+nextAttemptAt]')
            .between(['pending', now], ['pending', Number.POSITIVE_INFINITY], false, true)
            .and((item) => waitsForTab(item) && accept(item))
            .limit(limit - due.length)
            .toArray()
        : [];
    const claimed = [...due, ...waiting].map((item) => ({
      ...item,
      state: 'inflight' as const,
      leaseUntil: now + LEASE_MS,
    }));
    await db.outbox.bulkPut(claimed);
    return claimed;
  });
}

/**
 * Inflight items go back to pending as uncertain (their attempt may have reached the host, so the
 * next one looks before it writes), due once that attempt, possibly still running in a page, has
 * ended and settled.
 */
async function release(
  db: RueckenwindDb,
  now: number,
  which: (item: OutboxItem) => boolean,
): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    const stranded = await db.outbox.where('state').equals('inflight').and(which).toArray();
    await db.outbox.bulkPut(
      stranded.map((item) => {
        const began = claimedAt(item, now);
        return {
          ...item,
          state: 'pending' as const,
          leaseUntil: undefined,
          nextAttemptAt: Math.max(now, began + ATTEMPT_TIMEOUT_MS + SETTLE_MS),
          uncertainSince: Math.min(item.uncertainSince ?? began, began),
        };
      }),
    );
    return stranded.length;
  });
}

/** Inflight items whose lease ran out. */
export function releaseExpiredLeases(db: RueckenwindDb, now: number): Promise<number> {
  return release(db, now, (item) => (item.leaseUntil ?? 0) <= now);
}

/**
 * At worker start-up every inflight item, leased or not, was left by a worker that died: only one
 * worker runs at a time, and this one has claimed nothing yet.
 */
export function releaseOrphans(db: RueckenwindDb, now: number): Promise<number> {
  return release(db, now, () => true);
}

export type Outcome =
  | { kind: 'done'; remoteId: string }
  | { kind: FailureKind; reason: string; retryAfterMs?: number | undefined }
  /** Nothing was sent (no open tab of that intranet, no account): try again later, no attempt used. */
  | { kind: 'wait'; reason: string; waitMs: number };

/** Attempts after which a retryable failure is given up and shown to the user. */
export const MAX_ATTEMPTS = 8;

/**
 * Records how an attempt ended, in a second transaction (the network call happened outside any):
 * the item and its record move on together.
 */
export async function acknowledge(
  db: RueckenwindDb,
  item: OutboxItem,
  outcome: Outcome,
  now: number,
  random: () => number = Math.random,
): Promise<void> {
  await db.transaction('rw', [db.outbox, db.recognitions, db.wolPosts, db.weeklyLogs], async () => {
    const current = await db.outbox.get(item.id);
    // Deleted meanwhile (the user deleted the thank-you): nothing to record.
    if (!current) return;
    const base = { ...current, leaseUntil: undefined };
    switch (outcome.kind) {
      case 'done':
        await db.outbox.put({ ...base, state: 'done', lastError: undefined, uncertainSince: undefined });
        await setSyncState(db, item.kind, item.recordId, {
          state: 'sent',
          remoteId: outcome.remoteId,
          updatedAt: now,
        });
        return;
      case 'wait':
        await db.outbox.put({
          ...base,
          state: 'pending',
          nextAttemptAt: now + outcome.waitMs,
          lastError: outcome.reason,
        });
        return;
      case 'permanent':
        await db.outbox.put({
          ...base,
          state: 'failed',
          attempts: current.attempts + 1,
          lastError: outcome.reason,
        });
        await setSyncState(db, item.kind, item.recordId, {
          state: 'failed',
          error: outcome.reason,
          updatedAt: now,
        });
        return;
      case 'retry':
      case 'uncertain': {
        const attempts = current.attempts + 1;
        const uncertain = outcome.kind === 'uncertain';
        const uncertainSince = uncertain
          ? Math.min(current.uncertainSince ?? now, claimedAt(item, now))
          : current.uncertainSince;
        // A host that refuses gets fewer and fewer tries; one we cannot reach (offline, a lost answer)
        // is tried again about every minute, for days, because the network coming back is what we wait
        // for. After the user's retry (attempts back to 0) it gets at least MAX_ATTEMPTS more.
        const givenUp =
          attempts >= MAX_ATTEMPTS && (!uncertain || now - (uncertainSince ?? now) >= UNCERTAIN_GIVE_UP_MS);
        if (givenUp) {
          await db.outbox.put({
            ...base,
            state: 'failed',
            attempts,
            lastError: outcome.reason,
            uncertainSince,
          });
          await setSyncState(db, item.kind, item.recordId, {
            state: 'failed',
            error: outcome.reason,
            updatedAt: now,
          });
          return;
        }
        const delay = Math.max(
          outcome.retryAfterMs ?? 0,
          uncertain ? SETTLE_MS + Math.round(SETTLE_JITTER_MS * random()) : backoffDelay(attempts, random),
        );
        await db.outbox.put({
          ...base,
          state: 'pending',
          attempts,
          nextAttemptAt: now + delay,
          lastError: outcome.reason,
          uncertainSince,
        });
      }
    }
  });
}
