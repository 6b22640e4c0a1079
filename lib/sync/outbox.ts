import type { RueckenwindDb } from '../db/database';
import type { OutboxItem } from '../db/schemas';
import { setSyncState } from '../db/writes';
import { backoffDelay } from './backoff';
import type { FailureKind } from './classify';

/** How long a claimed item is ours: far longer than one attempt (timeouts are 25 s), far shorter than a day. */
export const LEASE_MS = 2 * 60_000;

/**
 * Items due now move from pending to inflight with a lease, in one transaction, so two drains (two
 * worker lives, or an alarm racing an enqueue) never send the same item at once.
 */
export async function claimDue(db: RueckenwindDb, now: number, limit: number): Promise<OutboxItem[]> {
  return db.transaction('rw', db.outbox, async () => {
    const due = await db.outbox
      .where('[state+nextAttemptAt]')
      .between(['pending', 0], ['pending', now], true, true)
      .limit(limit)
      .toArray();
    const claimed = due.map((item) => ({ ...item, state: 'inflight' as const, leaseUntil: now + LEASE_MS }));
    await db.outbox.bulkPut(claimed);
    return claimed;
  });
}

/**
 * Inflight items whose lease ran out (the worker died mid-attempt) go back to pending. Their attempt
 * may have reached the host, so they count as uncertain: the next attempt looks before it writes.
 */
export async function releaseExpiredLeases(db: RueckenwindDb, now: number): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    const expired = await db.outbox
      .where('state')
      .equals('inflight')
      .and((item) => (item.leaseUntil ?? 0) <= now)
      .toArray();
    await db.outbox.bulkPut(
      expired.map((item) => ({
        ...item,
        state: 'pending' as const,
        leaseUntil: undefined,
        nextAttemptAt: now,
        uncertainSince: item.uncertainSince ?? item.leaseUntil ?? now,
      })),
    );
    return expired.length;
  });
}

export type Outcome =
  | { kind: 'done'; remoteId: string }
  | { kind: FailureKind; reason: string; retryAfterMs?: number | undefined }
  /** Nothing was sent (no open tab of that intranet, or the rate limit): try again later, no attempt used. */
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
        const uncertainSince =
          outcome.kind === 'uncertain' ? (current.uncertainSince ?? now) : current.uncertainSince;
        if (attempts >= MAX_ATTEMPTS) {
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
        const delay = Math.max(outcome.retryAfterMs ?? 0, backoffDelay(attempts, random));
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
