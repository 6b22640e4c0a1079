import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '../lib/background/handlers';
import { openDatabase } from '../lib/db/database';
import { seedBuiltinIntranets } from '../lib/db/writes';
import { dispatch } from '../lib/messages/dispatcher';

export default defineBackground(() => {
  const db = openDatabase();
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const deps = { extensionId: browser.runtime.id, extensionOrigin, ...createHandlers(db) };

  // Idempotent: runs on install and again on every worker start, in case an install-time write was lost.
  const seed = () =>
    seedBuiltinIntranets(db, Date.now()).catch((error) => console.error('Rückenwind seed', error));
  browser.runtime.onInstalled.addListener(seed);
  void seed();

  browser.runtime.onMessage.addListener((raw, sender) => dispatch(raw, sender, deps));
});
