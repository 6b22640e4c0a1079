import { z } from 'zod/mini';

/**
 * A host's documented request limit (e.g. Viva Engage: 10 requests per 30 s), kept so we never provoke
 * a 429. Tokens come back exactly one window after they were spent: a bucket that refills continuously
 * would let an 11th request into some 30-second window.
 *
 * The host counts a request when it arrives, which we cannot see: somewhere between the moment we
 * start it and the moment its answer (or timeout) comes back. So a request counts against the window
 * from its start until one window after it ended, and a request still under way always counts. Pure:
 * the caller passes the time and keeps the state, so it can outlive the service worker.
 */
export type Limit = { requests: number; perMs: number };

export const HostSendStateSchema = z.object({
  /** When recent requests ended, oldest first. */
  ended: z.array(z.number()),
  /** When the requests still under way started. */
  underWay: z.array(z.number()),
  /** The host asked us to wait (Retry-After) until then. */
  pausedUntil: z.optional(z.number()),
});
export type HostSendState = z.infer<typeof HostSendStateSchema>;

export const IDLE: HostSendState = { ended: [], underWay: [] };

/** The earliest time a new request may start: `now` when one may start at once. */
export function freeAt(state: HostSendState, limit: Limit | undefined, now: number): number {
  const paused = Math.max(now, state.pausedUntil ?? now);
  if (!limit) return paused;
  const recent = state.ended.filter((at) => at > now - limit.perMs);
  const over = recent.length + state.underWay.length - limit.requests + 1;
  if (over <= 0) return paused;
  // The `over` oldest ended requests must leave the window; if requests under way alone fill it, the
  // next one can start a window after they end, and no earlier than one window from now.
  const leaving = recent[over - 1];
  return Math.max(paused, leaving === undefined ? now + limit.perMs : leaving + limit.perMs);
}

export function started(state: HostSendState, now: number): HostSendState {
  return { ...state, underWay: [...state.underWay, now] };
}

/**
 * The request started at `startedAt` got its answer (or was given up) at `now`. One that turned out
 * not to reach the host at all (`sent` false: no tab to send it from) gives its token back.
 */
export function ended(
  state: HostSendState,
  startedAt: number,
  now: number,
  limit: Limit | undefined,
  sent = true,
): HostSendState {
  const index = state.underWay.indexOf(startedAt);
  const underWay = index < 0 ? state.underWay : state.underWay.toSpliced(index, 1);
  const keepFrom = now - (limit?.perMs ?? 0);
  const recent = (sent ? [...state.ended, now] : state.ended)
    .filter((at) => at > keepFrom)
    .sort((a, b) => a - b);
  return { ...state, ended: recent, underWay };
}

export function paused(state: HostSendState, until: number): HostSendState {
  return { ...state, pausedUntil: Math.max(until, state.pausedUntil ?? until) };
}

/**
 * Requests a previous worker left under way when it died: they may have reached the host at any time
 * until now, so they count as ended now.
 */
export function orphaned(state: HostSendState, now: number): HostSendState {
  return { ...state, ended: [...state.ended, ...state.underWay.map(() => now)], underWay: [] };
}
