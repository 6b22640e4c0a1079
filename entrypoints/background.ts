import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { backgroundAuth } from '../lib/auth/in-background';
import { createHandlers } from '../lib/background/handlers';
import { offerAddFromPost } from '../lib/circle/add-from-post';
import { listenForReminders } from '../lib/circle/reminders';
import { openDatabase } from '../lib/db/database';
import type { HostId } from '../lib/db/schemas';
import { seedBuiltinIntranets } from '../lib/db/writes';
import { createTokenScan } from '../lib/inbound/token-scan';
import { notifyTabs, onOriginsRevoked } from '../lib/intranets/manage';
import { reinjectIntoOpenTabs } from '../lib/intranets/reinject';
import { syncRegistrations } from '../lib/intranets/sync-registrations';
import { dispatch } from '../lib/messages/dispatcher';
import { showFailuresOnBadge } from '../lib/sync/badge';
import { createSyncEngine } from '../lib/sync/engine';
import { deliverThroughPage } from '../lib/sync/page-transport';
import { sessionSendStates } from '../lib/sync/send-states';
import { backgroundTokenTransport, isTokenHost } from '../lib/sync/token-transport';
import { backgroundTargetLookup } from '../lib/targets/in-background';

const DRAIN_ALARM = 'rueckenwind-outbox';
/** Set after each drain for the moment the next item falls due (a Retry-After, a backoff, a settle). */
const WAKE_ALARM = 'rueckenwind-outbox-next';
/** Below this a timer is enough: the worker is still alive when it fires. */
const TIMER_MAX_MS = 20_000;

export default defineBackground(() => {
  const db = openDatabase();
  const report = (what: string) => (error: unknown) => console.error(`Rückenwind: ${what}`, error);

  const deliverWithToken = backgroundTokenTransport(() => backgroundAuth(db));
  const engine = createSyncEngine(db, {
    now: () => Date.now(),
    // SaaS hosts without a cookie path are called with the user's token (lib/auth), the rest through a tab.
    deliver: (item, message) =>
      isTokenHost(item.host) ? deliverWithToken(item, message) : deliverThroughPage(item, message),
    sendStates: sessionSendStates,
    wakeAt(at) {
      clearTimeout(wakeTimer);
      const delay = at - Date.now();
      if (delay < TIMER_MAX_MS) wakeTimer = setTimeout(drain, Math.max(0, delay));
      // Should the worker stop before then, the alarm starts it again.
      void browser.alarms.create(WAKE_ALARM, { when: Math.max(at, Date.now()) });
    },
    async settled(item, outcome) {
      // Any attempt may have failed the item for good (a refusal, or the last of its retries).
      if (outcome.kind !== 'wait') await showFailuresOnBadge(db);
      if (item.kind === 'wol-post') {
        const wol = await db.wolPosts.get(item.recordId);
        if (!wol || (wol.sync.state !== 'sent' && wol.sync.state !== 'failed')) return;
        const { id, linkedPost, sync } = wol;
        await notifyTabs(item.origin, (origin) => ({
          type: 'wolPost.state',
          origin,
          id,
          postId: linkedPost?.postId,
          state: sync.state,
          error: sync.error,
        }));
        return;
      }
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
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  // Token hosts run no content script of ours: the background asks their APIs for thanks received.
  const meteredFetch = (host: HostId) => (input: RequestInfo | URL, init?: RequestInit) =>
    engine.metered(host, () => fetch(input, init));
  const scanTokenHosts = createTokenScan(db, {
    auth: () => backgroundAuth(db),
    meteredFetch,
    now: () => Date.now(),
  });
  const drain = () => {
    void engine.drain().catch(report('sync'));
    void scanTokenHosts().catch(report('thanks received'));
  };

  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const deps = {
    extensionId: browser.runtime.id,
    extensionOrigin,
    ...createHandlers(db, undefined, drain, backgroundTargetLookup(db, meteredFetch)),
  };

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

  // The alarm wakes the worker to retry what is due, e.g. after being offline. Created once: creating
  // it again on every worker start would push its next run back each time.
  void browser.alarms
    .get(DRAIN_ALARM)
    .then((alarm) => (alarm ? undefined : browser.alarms.create(DRAIN_ALARM, { periodInMinutes: 1 })))
    .catch(report('alarm'));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DRAIN_ALARM || alarm.name === WAKE_ALARM) drain();
  });

  listenForReminders(db, report('circle reminder'));
  offerAddFromPost(db, report('add to relationship list'));

  browser.permissions.onRemoved.addListener(({ origins }) => {
    if (origins?.length) void onOriginsRevoked(db, origins).catch(report('permission revoked'));
  });
  browser.runtime.onMessage.addListener((raw, sender) => dispatch(raw, sender, deps));
});
