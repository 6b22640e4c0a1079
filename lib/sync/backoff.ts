/** Retry delays: exponential from 5 s, capped at 1 h, with full jitter so that many items never retry in step. */
const BASE_MS = 5_000;
const CAP_MS = 60 * 60_000;

export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  // Never less than a second: a zero delay would spin on a failing host.
  return Math.max(1_000, Math.round(ceiling * random()));
}

/**
 * The wait a `Retry-After` header asks for, in ms: delta-seconds or an HTTP date. Undefined when the
 * header is absent or unreadable; a date in the past means "now".
 */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1_000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
