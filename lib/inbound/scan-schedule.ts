/** How often an intranet is asked for new thanks to the user, at most. */
export const SCAN_INTERVAL_MS = 5 * 60_000;

/**
 * When a page of an intranet opens, whether it is time to look there for thanks received: at most once
 * per interval per host and origin, however many pages are opened. Kept in the worker's memory only:
 * a worker that restarted looks once more, which the import's stable ids make harmless.
 */
export function createScanSchedule(intervalMs = SCAN_INTERVAL_MS) {
  const lastScan = new Map<string, number>();
  return {
    /** True (and the scan counted as started) when this host and origin were not scanned lately. */
    due(host: string, origin: string, now: number): boolean {
      const key = `${host} ${origin}`;
      const last = lastScan.get(key);
      if (last !== undefined && now - last < intervalMs) return false;
      lastScan.set(key, now);
      return true;
    },
  };
}
