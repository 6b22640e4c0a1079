import { vi } from 'vitest';

// Unique across tests, as in a browser: Preact's late timers from an earlier test cancel frames by id.
let nextId = 1;

/**
 * Animation frames the test runs by hand, so "one frame" means exactly that. Call `vi.unstubAllGlobals()`
 * afterwards.
 */
export function controlFrames() {
  const queue = new Map<number, FrameRequestCallback>();
  let requested = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    requested += 1;
    queue.set(nextId, callback);
    return nextId++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => queue.delete(id));
  return {
    /** How many frames were asked for so far. */
    get requested() {
      return requested;
    },
    get pending() {
      return queue.size;
    },
    /** Lets queued mutation records arrive, then runs the frame callbacks due now. */
    async next() {
      await settle();
      const due = [...queue.values()];
      queue.clear();
      for (const callback of due) callback(performance.now());
    },
  };
}

/** Delivers pending mutation records and promise callbacks. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
