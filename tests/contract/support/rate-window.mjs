/**
 * A host's documented rate limit as it enforces it: at most `requests` per `perMs` for each key (user,
 * token, IP), in a sliding window. `take` answers whether one more is allowed and, if not, the
 * `Retry-After` in whole seconds. `exhaust` fills a key's window, for tests of what a client does then.
 */

/** @param {{ requests: number, perMs: number, now?: () => number }} options */
export function createRateWindow({ requests, perMs, now = Date.now }) {
  /** @type {Map<string, number[]>} */
  const windows = new Map();
  return {
    /** @param {string} key @returns {{ ok: true } | { ok: false, retryAfterS: number }} */
    take(key) {
      const at = now();
      const recent = (windows.get(key) ?? []).filter((sent) => sent > at - perMs);
      if (recent.length >= requests) {
        windows.set(key, recent);
        return { ok: false, retryAfterS: Math.max(1, Math.ceil(((recent[0] ?? at) + perMs - at) / 1000)) };
      }
      recent.push(at);
      windows.set(key, recent);
      return { ok: true };
    },
    /** Uses up `key`'s window as other clients would, so that it frees up in `freeInMs`. @param {string} key @param {number} freeInMs */
    exhaust(key, freeInMs) {
      windows.set(key, Array(requests).fill(now() - perMs + freeInMs));
    },
  };
}
