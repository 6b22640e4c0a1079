import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '../lib/background/handlers';
import { openDatabase } from '../lib/db/database';
import { seedBuiltinIntranets } from '../lib/db/writes';
import { notifyTabs, onOriginsRevoked } from '../lib/intranets/manage';
import { reinjectIntoOpenTabs } from '../lib/intranets/reinject';
import { syncRegistrations } from '../lib/intranets/sync-registrations';
import { dispatch } from '../lib/messages/dispatcher';
import { showFailuresOnBadge } from '../lib/sync/badge';
import { createSyncEngine } from '../lib/sync/engine';
import { deliverThroughPage } from '../lib/sync/page-transport';

const DRAIN_ALARM = 'rueckenwind-outbox';

export default defineBackground(() => {
  const db = openDatabase();
  const report = (what: string) => (error: unknown) => console.error(`Rückenwind: ${what}`, error);

  const engine = createSyncEngine(db, {
    now: () => Date.now(),
    deliver: deliverThroughPage,
    async settled(item, outcome) {
      if (outcome.kind === 'done' || outcome.kind === 'permanent') await showFailuresOnBadge(db);
      const rec = item.kind === 'recognition' ? await db.recognitions.get(item.recordId) : undefined;
      const post = rec?.post;
      if (!post || (rec.sync.state !== 'sent' && rec.sync.state !== 'failed')) return;
      const { state, error } = rec.sync;
      await notifyTabs(item.origin, (origin) => ({
        type: 'post.thanked',
        origin,
        postId: post.postId,
        state,
        error,
      }));
    },
  });
  const drain = () => void engine.drain().catch(report('sync'));

  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const deps = { extensionId: browser.runtime.id, extensionOrigin, ...createHandlers(db, undefined, drain) };

  // Idempotent, so it runs on install and again on every worker start: a lost install-time write or a
  // registration changed behind our back is repaired the next time the worker wakes.
  const prepare = () =>
    seedBuiltinIntranets(db, Date.now())
      .then(() => syncRegistrations(db))
      .catch(report('start-up'));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    const prepared = prepare();
    if (reason === 'update') void prepared.then(reinjectIntoOpenTabs).catch(report('re-inject after update'));
    void prepared.then(drain);
  });
  browser.runtime.onStartup.addListener(drain);
  void prepare().then(drain);

  // The alarm wakes the worker to retry what is due, e.g. after being offline.
  void browser.alarms.create(DRAIN_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DRAIN_ALARM) drain();
  });

  browser.permissions.onRemoved.addListener(({ origins }) => {
    if (origins?.length) void onOriginsRevoked(db, origins).catch(report('permission revoked'));
  });
  browser.runtime.onMessage.addListener((raw, sender) => dispatch(raw, sender, deps));
});
