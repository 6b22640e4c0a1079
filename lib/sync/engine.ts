import type { RueckenwindDb } from '../db/database';
import type { HostId, OutboxItem } from '../db/schemas';
import type { Deliver } from '../messages/background-to-content';
import { retryAfterMs } from './backoff';
import { acknowledge, claimDue, type Outcome, releaseExpiredLeases, releaseOrphans } from './outbox';
import { ended, freeAt, type HostSendState, IDLE, type Limit, orphaned, paused, started } from './rate-limit';
import type { SendStateStore, SendStates } from './send-states';

/**
 * Documented request limits (HOSTS.md), so we never provoke a 429. One delivery makes at most one
 * write, and each delivery counts as one request.
 */
export const HOST_LIMITS: Partial<Record<HostId, Limit>> = {
  'viva-engage': { requests: 10, perMs: 30_000 },
  discourse: { requests: 20, perMs: 60_000 },
  slack: { requests: 1, perMs: 1_000 },
  teams: { requests: 4, perMs: 1_000 },
  // The built-in demo intranet documents 10 writes per second (demo-intranet/api.mjs).
  demo: { requests: 10, perMs: 1_000 },
};

/**
 * New items are claimed for this long per drain; then the next drain follows at once (deliveries under
 * way go on meanwhile). Every delivery has its own timeout (ATTEMPT_TIMEOUT_MS).
 */
const DRAIN_BUDGET_MS = 20_000;
/** Deliveries under way at once, so that one stalled request does not hold up the rest of the queue. */
const LANES = 5;

export type EngineDeps = {
  now: () => number;
  deliver: (item: OutboxItem, message: Deliver) => Promise<Outcome>;
  /** After each acknowledged item, e.g. to update the button in open tabs and the badge. */
  settled?: (item: OutboxItem, outcome: Outcome) => Promise<void> | void;
  /** Where each host's rate-limit state outlives the worker; in memory only without it. */
  sendStates?: SendStateStore;
  /** After each drain: when the next item falls due, so the worker can be woken then (an alarm). */
  wakeAt?: (at: number) => void;
  /** Waits for a host's rate limit within a drain. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
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
  if (item.kind === 'weekly-log') {
    // Only the text the user previewed is sent; the private confidence is never part of it.
    const log = await db.weeklyLogs.get(item.recordId);
    if (!log?.postedText) return undefined;
    const circle = log.circleId === undefined ? undefined : await db.circles.get(log.circleId);
    return {
      type: 'outbox.deliver',
      origin: item.origin,
      host: item.host,
      text: log.postedText,
      target: circle?.space?.target,
      ...uncertain,
    };
  }
  return undefined;
}

/**
 * Drains the outbox: claim due items one by one, up to LANES at a time, send each outside any
 * transaction and acknowledge each in a second one; until nothing is due or the time budget is spent.
 * A host whose rate limit is used up is waited for, or left to the next drain. Concurrent calls share
 * one drain. The first drain of a worker's life first takes back what a dead worker left in flight.
 */
export function createSyncEngine(db: RueckenwindDb, deps: EngineDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let states: SendStates | undefined;
  let saving: Promise<void> = Promise.resolve();
  let orphansReleased = false;
  let draining: Promise<number> | undefined;

  const stateOf = (host: HostId): HostSendState => states?.[host] ?? IDLE;
  const freeAtFor = (host: HostId, now: number) => freeAt(stateOf(host), HOST_LIMITS[host], now);
  /** Resolves once this state is saved. */
  const update = (host: HostId, next: HostSendState): Promise<void> => {
    const snapshot = { ...states, [host]: next };
    states = snapshot;
    const store = deps.sendStates;
    // Saved in order; a failed save only costs the next worker its memory of this window.
    if (store) saving = saving.then(() => store.save(snapshot)).catch(() => undefined);
    return saving;
  };

  const loadStates = async (now: number) => {
    if (states) return;
    const stored = deps.sendStates ? await deps.sendStates.load() : {};
    const loaded: SendStates = {};
    for (const [host, state] of Object.entries(stored) as Array<[HostId, HostSendState]>)
      loaded[host] = orphaned(state, now);
    states = loaded;
  };

  const send = async (item: OutboxItem): Promise<Outcome> => {
    const host = item.host;
    const startedAt = deps.now();
    // Saved before the request leaves: a worker killed right after must not leave it uncounted.
    await update(host, started(stateOf(host), startedAt));
    let outcome: Outcome;
    try {
      const message = await messageFor(db, item);
      outcome = message
        ? await deps.deliver(item, message)
        : { kind: 'permanent', reason: 'the saved record is gone' };
    } catch (error) {
      // A transport that throws cannot say whether the write left.
      outcome = { kind: 'uncertain', reason: error instanceof Error ? error.message : String(error) };
    }
    const endedAt = deps.now();
    let next = ended(stateOf(host), startedAt, endedAt, HOST_LIMITS[host], outcome.kind !== 'wait');
    // Retry-After speaks for the whole host, not only for this item.
    if ('retryAfterMs' in outcome && outcome.retryAfterMs)
      next = paused(next, endedAt + outcome.retryAfterMs);
    void update(host, next);
    await acknowledge(db, item, outcome, endedAt, deps.random);
    await deps.settled?.(item, outcome);
    return outcome;
  };

  /** The earliest time a due item's host may be sent to; undefined when nothing (else) is due. */
  const dueHostsFreeAt = async (now: number, skip: (item: OutboxItem) => boolean) => {
    const hosts = new Set<HostId>();
    await db.outbox
      .where('[state+nextAttemptAt]')
      .between(['pending', 0], ['pending', now], true, true)
      .each((item) => {
        if (!skip(item)) hosts.add(item.host);
      });
    return hosts.size === 0 ? undefined : Math.min(...[...hosts].map((host) => freeAtFor(host, now)));
  };

  const nextWake = async (now: number): Promise<number | undefined> => {
    const first = await db.outbox
      .where('[state+nextAttemptAt]')
      .between(['pending', 0], ['pending', Number.POSITIVE_INFINITY], true, true)
      .first();
    if (!first) return undefined;
    if (first.nextAttemptAt > now) return first.nextAttemptAt;
    return (await dueHostsFreeAt(now, () => false)) ?? now;
  };

  // Deliveries under way, across drains: a drain that ran out of time leaves them to finish while the
  // next one starts.
  const running = new Set<Promise<void>>();
  let laneFailure: unknown;
  const startLane = (item: OutboxItem, then: (outcome: Outcome) => void) => {
    const lane: Promise<void> = send(item)
      .then(then, (error: unknown) => {
        laneFailure ??= error;
      })
      .finally(() => running.delete(lane));
    running.add(lane);
  };

  const drainOnce = async (): Promise<number> => {
    const begun = deps.now();
    await loadStates(begun);
    if (orphansReleased) await releaseExpiredLeases(db, begun);
    else {
      await releaseOrphans(db, begun);
      orphansReleased = true;
    }
    // Each item is tried at most once per drain; an origin that made an item wait (no open tab, no
    // account) makes its other items wait too, without asking again.
    const tried = new Set<string>();
    const waitingOrigins = new Set<string>();
    const skip = (item: OutboxItem) => tried.has(item.id) || waitingOrigins.has(item.origin);
    let settled = 0;
    let outOfTime = false;

    for (;;) {
      const now = deps.now();
      const left = DRAIN_BUDGET_MS - (now - begun);
      if (left <= 0) {
        outOfTime = true;
        break;
      }
      const laneFree = running.size < LANES;
      if (laneFree) {
        const [item] = await claimDue(
          db,
          now,
          1,
          (candidate) => !skip(candidate) && freeAtFor(candidate.host, now) <= now,
        );
        if (item) {
          tried.add(item.id);
          startLane(item, (outcome) => {
            settled += 1;
            if (outcome.kind === 'wait') waitingOrigins.add(item.origin);
          });
          continue;
        }
      }
      // Wait for a lane to finish, or for a host whose rate limit holds back due items to be free
      // again, if that is within this drain's budget; with neither, the drain is over.
      const free = laneFree ? await dueHostsFreeAt(now, skip) : undefined;
      const wakes: Array<Promise<unknown>> = [...running];
      if (free !== undefined && free - now < left) wakes.push(sleep(Math.max(1, free - now)));
      if (wakes.length === 0) break;
      await Promise.race(wakes);
    }
    if (laneFailure !== undefined) {
      const failure = laneFailure;
      laneFailure = undefined;
      throw failure;
    }
    const wake = outOfTime ? deps.now() : await nextWake(deps.now());
    if (wake !== undefined) deps.wakeAt?.(wake);
    return settled;
  };

  // A call during a drain may bring news the drain has passed by (a tab of an intranet just opened):
  // one more drain follows.
  let again = false;
  return {
    drain(): Promise<number> {
      if (draining) {
        again = true;
        return draining;
      }
      const run = async () => {
        let settled = 0;
        do {
          again = false;
          settled += await drainOnce();
        } while (again);
        return settled;
      };
      draining = run().finally(() => {
        draining = undefined;
      });
      return draining;
    },
    /** Resolves once the rate-limit state is saved, e.g. before a test starts the next worker. */
    saved: () => saving,
    /**
     * A request outside the outbox (an inbound scan) counted against the host's limit like a delivery:
     * it waits for a free slot, and the host's Retry-After holds back the outbox too. While the host
     * asked us to hold back, it throws: such a request can wait for its next turn, the outbox goes first.
     */
    async metered(host: HostId, request: () => Promise<Response>): Promise<Response> {
      await loadStates(deps.now());
      for (let free = freeAtFor(host, deps.now()); free > deps.now(); free = freeAtFor(host, deps.now())) {
        const pausedUntil = stateOf(host).pausedUntil ?? 0;
        if (pausedUntil > deps.now()) throw new Error(`${host} asked to wait until ${pausedUntil}`);
        await sleep(free - deps.now());
      }
      const startedAt = deps.now();
      // Counted (and saved) before the request leaves, as a delivery is.
      await update(host, started(stateOf(host), startedAt));
      let retryAfter: number | undefined;
      try {
        const response = await request();
        retryAfter = retryAfterMs(response.headers.get('Retry-After'), deps.now());
        return response;
      } finally {
        const endedAt = deps.now();
        const next = ended(stateOf(host), startedAt, endedAt, HOST_LIMITS[host]);
        void update(host, retryAfter ? paused(next, endedAt + retryAfter) : next);
      }
    },
  };
}
