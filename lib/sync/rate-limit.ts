/**
 * A host's documented request limit (e.g. Viva Engage: 10 requests per 30 s), kept so we never provoke
 * a 429. It is a token bucket whose tokens come back exactly one window after they were spent: a bucket
 * that refills continuously would let an 11th request into some 30-second window. Pure: the caller
 * passes the time and stores the state, so it survives service-worker restarts.
 */
export type Limit = { requests: number; perMs: number };
/** When each request in the current window was sent, oldest first. */
export type SendLog = number[];

export function take(
  log: SendLog,
  limit: Limit,
  now: number,
): { ok: true; log: SendLog } | { ok: false; log: SendLog; waitMs: number } {
  const recent = log.filter((at) => at > now - limit.perMs);
  if (recent.length < limit.requests) return { ok: true, log: [...recent, now] };
  const oldest = recent[0] ?? now;
  return { ok: false, log: recent, waitMs: oldest + limit.perMs - now };
}
