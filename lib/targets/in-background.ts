import { browser } from 'wxt/browser';
import { backgroundAuth } from '../auth/in-background';
import type { RueckenwindDb } from '../db/database';
import type { TokenHost } from '../db/schemas';
import { createTargetCache } from './cache';
import { createTargetLookup } from './lookup';

/**
 * The worker's lookup: the shared `Auth`, the cache in `storage.session`, and the host requests counted
 * by `meteredFetch` (the sync engine's, in the worker).
 */
export function backgroundTargetLookup(
  db: RueckenwindDb,
  meteredFetch: (host: TokenHost) => typeof fetch = () => (input, init) => fetch(input, init),
) {
  const store = {
    get: async (key: string) => (await browser.storage.session.get(key))[key],
    set: (key: string, value: unknown) => browser.storage.session.set({ [key]: value }),
    remove: (key: string) => browser.storage.session.remove(key),
  };
  return createTargetLookup({
    auth: () => backgroundAuth(db),
    meteredFetch,
    cache: createTargetCache(store, () => Date.now()),
  });
}
