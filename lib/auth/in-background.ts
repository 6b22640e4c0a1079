import { browser } from 'wxt/browser';
import type { RueckenwindDb } from '../db/database';
import { type Auth, createAuth } from './accounts';
import { readPolicy } from './policy';

const instances = new WeakMap<RueckenwindDb, Auth>();

/**
 * The worker's one `Auth`: the transport and the options page's handlers share it, so a refresh in
 * progress is never started twice (a rotated refresh token works once).
 */
export function backgroundAuth(db: RueckenwindDb): Auth {
  let auth = instances.get(db);
  if (!auth) {
    auth = createAuth({
      db,
      fetch: (input, init) => fetch(input, init),
      launch: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
      redirectUri: browser.identity.getRedirectURL(),
      session: {
        get: async (key) => (await browser.storage.session.get(key))[key],
        set: (key, value) => browser.storage.session.set({ [key]: value }),
        remove: (key) => browser.storage.session.remove(key),
      },
      // Unavailable without a policy on some browsers: then there is none.
      policy: async () => readPolicy(await browser.storage.managed.get().catch(() => ({}))),
      now: () => Date.now(),
    });
    instances.set(db, auth);
  }
  return auth;
}
