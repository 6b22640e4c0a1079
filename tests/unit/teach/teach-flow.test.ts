import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../../lib/background/handlers';
import { openDatabase, type RueckenwindDb } from '../../../lib/db/database';
import { seedBuiltinIntranets } from '../../../lib/db/writes';
import { addIntranet } from '../../../lib/intranets/manage';
import { type DispatcherDeps, dispatch, type MessageSender } from '../../../lib/messages/dispatcher';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const PORTAL = 'https://portal.musterwerk.example';
const WIKI = 'https://wiki.musterwerk.example';
const TAB = 7;
const SELECTORS = {
  post: 'div.feed-card',
  author: ':scope a.card-author',
  actions: ':scope div.card-actions',
};

const popup: MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/popup.html` };
const teachingTab: MessageSender = {
  id: EXTENSION_ID,
  url: `${PORTAL}/news`,
  tab: { id: TAB, url: `${PORTAL}/news` },
};

// Stand-ins for the browser APIs the unit-test browser lacks; every call lands in one log, in order.
type Registered = { id: string; matches?: string[]; js?: string[] };
let registered: Registered[];
let granted: Set<string>;
let log: string[];
const tabs = [
  { id: TAB, url: `${PORTAL}/news` },
  { id: TAB + 1, url: `${PORTAL}/people/anna` },
  { id: TAB + 2, url: `${WIKI}/wiki/Start` },
];

function installBrowserStandIns() {
  const browser = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  Object.assign(browser.permissions ?? {}, {
    contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)),
    remove: async ({ origins }: { origins: string[] }) => {
      log.push(`permission removed ${origins.join()}`);
      return origins.every((o) => granted.delete(o));
    },
  });
  Object.assign(browser.scripting ?? {}, {
    getRegisteredContentScripts: async () => registered,
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      registered = registered.filter((script) => !ids.includes(script.id));
    },
    registerContentScripts: async (scripts: Registered[]) => {
      registered.push(...scripts);
    },
    executeScript: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      log.push(`run ${files.join()} in ${target.tabId}`);
      return [];
    },
  });
  Object.assign(browser.tabs ?? {}, {
    get: async (tabId: number) => tabs.find((tab) => tab.id === tabId),
    query: async ({ url }: { url: string }) =>
      tabs.filter((tab) => tab.url.startsWith(url.replace(/\*$/, ''))),
    sendMessage: async (tabId: number, message: { type: string }) => {
      log.push(`${message.type} to ${tabId}`);
    },
  });
  Object.assign(browser.i18n ?? {}, { getMessage: (name: string) => name });
}

let db: RueckenwindDb;
let deps: DispatcherDeps;
let now: number;

beforeEach(async () => {
  registered = [];
  granted = new Set([`${PORTAL}/*`, `${WIKI}/*`]);
  log = [];
  installBrowserStandIns();
  db = openDatabase(`teach-${crypto.randomUUID()}`);
  now = 1_800_000_000_000;
  await seedBuiltinIntranets(db, now);
  const clock = { now: () => now, newId: () => crypto.randomUUID() };
  deps = { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, ...createHandlers(db, clock) };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const start = () => dispatch({ type: 'teach.start', tabId: TAB, origin: PORTAL }, popup, deps);
const save = (selectors: object = SELECTORS) =>
  dispatch({ type: 'teach.save', origin: PORTAL, selectors }, teachingTab, deps);

describe('"Teach Rückenwind this site"', () => {
  it('opens a teach session for the tab and injects the picker there', async () => {
    expect(await start()).toEqual({ ok: true, value: { origin: PORTAL } });
    expect(await db.teachSessions.toArray()).toEqual([
      { tabId: TAB, origin: PORTAL, expiresAt: now + 30 * 60_000 },
    ]);
    expect(log).toEqual([`run /teach-site.js in ${TAB}`]);
  });

  it('needs the origin granted first (the popup asks in the click)', async () => {
    granted.clear();
    expect(await start()).toMatchObject({ ok: false, error: { reason: 'errorNoPermission' } });
    expect(await db.teachSessions.count()).toBe(0);
  });

  it('only for the site the tab shows', async () => {
    const result = await dispatch({ type: 'teach.start', tabId: TAB + 2, origin: PORTAL }, popup, deps);
    expect(result).toMatchObject({ ok: false, error: { reason: 'errorWrongSender' } });
    expect(log).toEqual([]);
  });

  it('not on a site an adapter was enabled for: the generic entry would replace it', async () => {
    await addIntranet(db, { origin: PORTAL, host: 'wordpress', name: 'Blog' }, now);
    log = [];
    expect(await start()).toMatchObject({ ok: false, error: { reason: 'errorKnownSite', detail: 'Blog' } });
    expect(log).toEqual([]);
  });

  it('not from a content script', async () => {
    const result = await dispatch({ type: 'teach.start', tabId: TAB, origin: PORTAL }, teachingTab, deps);
    expect(result).toMatchObject({ ok: false, error: { reason: 'errorWrongSender' } });
  });
});

describe('saving what the picker derived', () => {
  it('stores the selectors, enables the site with the generic adapter and starts it in its open tabs', async () => {
    await start();
    log = [];
    expect(await save()).toEqual({ ok: true, value: { origin: PORTAL } });

    expect(await db.taughtSites.get(PORTAL)).toEqual({
      origin: PORTAL,
      selectors: SELECTORS,
      taughtAt: now,
      updatedAt: now,
    });
    expect(await db.intranets.get(PORTAL)).toMatchObject({
      host: 'generic',
      name: 'portal.musterwerk.example',
      enabled: true,
      source: 'user',
    });
    expect(registered.map(({ id, matches, js }) => ({ id, matches, js }))).toEqual([
      { id: 'rueckenwind-generic', matches: [`${PORTAL}/*`], js: ['content-scripts/generic.js'] },
    ]);
    // The session is over: the picker cannot save twice.
    expect(await db.teachSessions.count()).toBe(0);
    expect(log.filter((entry) => entry.startsWith('run'))).toEqual([
      `run content-scripts/generic.js in ${TAB}`,
      `run content-scripts/generic.js in ${TAB + 1}`,
    ]);
    expect(await save()).toMatchObject({ ok: false, error: { reason: 'errorWrongSender' } });
  });

  it('hands the selectors to the generic content script with its hello, and only there', async () => {
    await start();
    await save();
    expect(await dispatch({ type: 'page.hello', origin: PORTAL }, teachingTab, deps)).toEqual({
      ok: true,
      value: { addressForm: 'sie', wolHashtag: '#WOL', taught: SELECTORS },
    });
    await addIntranet(db, { origin: WIKI, host: 'mediawiki', name: 'Wiki' }, now);
    const wikiTab = { id: EXTENSION_ID, url: `${WIKI}/wiki/Start`, tab: { id: TAB + 2 } };
    const reply = await dispatch({ type: 'page.hello', origin: WIKI }, wikiTab, deps);
    expect(reply.ok && reply.value).not.toHaveProperty('taught');
  });

  it('teaching again replaces the selectors, keeps the first date, and restarts the open tabs', async () => {
    await start();
    await save();
    now += 60_000;
    await start();
    log = [];
    const corrected = { ...SELECTORS, body: ':scope div.card-text' };
    expect(await save(corrected)).toMatchObject({ ok: true });
    expect(await db.taughtSites.get(PORTAL)).toMatchObject({
      selectors: corrected,
      taughtAt: now - 60_000,
      updatedAt: now,
    });
    // Each running copy is told to stop (and has stopped) before the new one starts.
    expect(log).toEqual([
      `intranet.disabled to ${TAB}`,
      `intranet.disabled to ${TAB + 1}`,
      `run content-scripts/generic.js in ${TAB}`,
      `run content-scripts/generic.js in ${TAB + 1}`,
    ]);
  });
});

describe('correcting and forgetting in the options', () => {
  beforeEach(async () => {
    await start();
    await save();
    log = [];
  });

  it('a correction is stored and the open tabs start again with it', async () => {
    const corrected = { ...SELECTORS, author: ':scope .card-head > a.card-author' };
    expect(
      await dispatch({ type: 'teach.update', origin: PORTAL, selectors: corrected }, popup, deps),
    ).toEqual({
      ok: true,
      value: { origin: PORTAL },
    });
    expect((await db.taughtSites.get(PORTAL))?.selectors).toEqual(corrected);
    expect(log).toEqual([
      `intranet.disabled to ${TAB}`,
      `intranet.disabled to ${TAB + 1}`,
      `run content-scripts/generic.js in ${TAB}`,
      `run content-scripts/generic.js in ${TAB + 1}`,
    ]);
  });

  it('a correction of a site switched off leaves it off', async () => {
    await dispatch({ type: 'intranet.setEnabled', origin: PORTAL, enabled: false }, popup, deps);
    log = [];
    await dispatch({ type: 'teach.update', origin: PORTAL, selectors: SELECTORS }, popup, deps);
    expect(log).toEqual([]);
    expect((await db.intranets.get(PORTAL))?.enabled).toBe(false);
  });

  it('a correction is refused for a site never taught, and for selectors that break the rules', async () => {
    expect(
      await dispatch({ type: 'teach.update', origin: WIKI, selectors: SELECTORS }, popup, deps),
    ).toMatchObject({ ok: false, error: { reason: 'errorNotEnabled' } });
    expect(
      await dispatch(
        { type: 'teach.update', origin: PORTAL, selectors: { ...SELECTORS, body: 'div.card-text' } },
        popup,
        deps,
      ),
    ).toEqual({ ok: false, error: { reason: 'errorInvalidMessage' } });
    expect((await db.taughtSites.get(PORTAL))?.selectors).toEqual(SELECTORS);
  });

  it('forgetting removes the selectors, the entry, the registration and the permission, and the buttons', async () => {
    expect(await dispatch({ type: 'teach.forget', origin: PORTAL }, popup, deps)).toEqual({
      ok: true,
      value: { origin: PORTAL },
    });
    expect(await db.taughtSites.count()).toBe(0);
    expect(await db.intranets.get(PORTAL)).toBeUndefined();
    expect(registered).toEqual([]);
    expect(granted.has(`${PORTAL}/*`)).toBe(false);
    expect(log).toEqual([
      `intranet.disabled to ${TAB}`,
      `intranet.disabled to ${TAB + 1}`,
      `permission removed ${PORTAL}/*`,
    ]);
    expect(await dispatch({ type: 'teach.forget', origin: PORTAL }, popup, deps)).toMatchObject({
      ok: false,
      error: { reason: 'errorNotEnabled' },
    });
  });

  it('removing the intranet from the list forgets what it was taught', async () => {
    await dispatch({ type: 'intranet.remove', origin: PORTAL }, popup, deps);
    expect(await db.taughtSites.count()).toBe(0);
  });
});
