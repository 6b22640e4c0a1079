import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '../lib/background/handlers';
import { openDatabase } from '../lib/db/database';
import { seedBuiltinIntranets } from '../lib/db/writes';
import { onOriginsRevoked } from '../lib/intranets/manage';
import { reinjectIntoOpenTabs } from '../lib/intranets/reinject';
import { syncRegistrations } from '../lib/intranets/sync-registrations';
import { dispatch } from '../lib/messages/dispatcher';

export default defineBackground(() => {
  const db = openDatabase();
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const deps = { extensionId: browser.runtime.id, extensionOrigin, ...createHandlers(db) };
  const report = (what: string) => (error: unknown) => console.error(`Rückenwind: ${what}`, error);

  // Idempotent, so it runs on install and again on every worker start: a lost install-time write or a
  // registration changed behind our back is repaired the next time the worker wakes.
  const prepare = () =>
    seedBuiltinIntranets(db, Date.now())
      .then(() => syncRegistrations(db))
      .catch(report('start-up'));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    const prepared = prepare();
    if (reason === 'update') void prepared.then(reinjectIntoOpenTabs).catch(report('re-inject after update'));
  });
  void prepare();

  browser.permissions.onRemoved.addListener(({ origins }) => {
    if (origins?.length) void onOriginsRevoked(db, origins).catch(report('permission revoked'));
  });
  browser.runtime.onMessage.addListener((raw, sender) => dispatch(raw, sender, deps));
});
