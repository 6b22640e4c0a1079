import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatabase, type RueckenwindDb } from '../../../lib/db/database';
import { seedBuiltinIntranets } from '../../../lib/db/writes';
import { registrationsFor } from '../../../lib/intranets/content-scripts';
import { addIntranet, onOriginsRevoked } from '../../../lib/intranets/manage';

const WIKI = 'https://wiki.musterwerk.example';
const BLOG = 'https://blog.musterwerk.example';

// Stand-ins for the browser APIs the unit-test browser does not provide; the e2e tests use the real ones.
type Registered = { id: string; matches?: string[]; js?: string[] };
let registered: Registered[];
let granted: Set<string>;
let told: Array<{ tabId: number; message: unknown }>;
const tabs = [
  { id: 1, url: `${WIKI}/wiki/Talk:Onboarding` },
  { id: 2, url: `${BLOG}/2026/11/release-notes/` },
];

function installBrowserStandIns() {
  const browser = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  Object.assign(browser.permissions ?? {}, {
    contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)),
    remove: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.delete(o)),
  });
  Object.assign(browser.scripting ?? {}, {
    getRegisteredContentScripts: async () => registered,
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      registered = registered.filter((script) => !ids.includes(script.id));
    },
    registerContentScripts: async (scripts: Registered[]) => {
      registered.push(...scripts);
    },
    executeScript: async () => [],
  });
  Object.assign(browser.tabs ?? {}, {
    query: async ({ url }: { url: string }) =>
      tabs.filter((tab) => tab.url.startsWith(url.replace(/\*$/, ''))),
    sendMessage: async (tabId: number, message: unknown) => {
      told.push({ tabId, message });
    },
  });
}

let db: RueckenwindDb;
beforeEach(async () => {
  registered = [];
  granted = new Set([`${WIKI}/*`, `${BLOG}/*`]);
  told = [];
  installBrowserStandIns();
  db = openDatabase(`permissions-${crypto.randomUUID()}`);
  await seedBuiltinIntranets(db, 1);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('intranets the user enables', () => {
  it('get one run-time content script per adapter, covering all of its origins', async () => {
    await addIntranet(db, { origin: WIKI, host: 'mediawiki', name: 'Wiki' }, 1);
    await addIntranet(db, { origin: BLOG, host: 'wordpress', name: 'Blog' }, 2);
    expect(
      registered.map(({ id, matches, js }) => ({ id, matches, js })).sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual([
      { id: 'rueckenwind-mediawiki', matches: [`${WIKI}/*`], js: ['content-scripts/mediawiki.js'] },
      { id: 'rueckenwind-wordpress', matches: [`${BLOG}/*`], js: ['content-scripts/wordpress.js'] },
    ]);
  });

  it('lose their buttons, their registration and their "on" switch when the permission is revoked', async () => {
    await addIntranet(db, { origin: WIKI, host: 'mediawiki', name: 'Wiki' }, 1);
    await addIntranet(db, { origin: BLOG, host: 'wordpress', name: 'Blog' }, 2);
    granted.delete(`${WIKI}/*`);

    await onOriginsRevoked(db, [`${WIKI}/*`]);

    expect((await db.intranets.get(WIKI))?.enabled).toBe(false);
    expect((await db.intranets.get(BLOG))?.enabled).toBe(true);
    expect(registered.map((script) => script.id)).toEqual(['rueckenwind-wordpress']);
    expect(told).toEqual([{ tabId: 1, message: { type: 'intranet.disabled', origin: WIKI } }]);
  });

  it('built-in intranets need no run-time registration: the manifest covers them', () => {
    const builtin = {
      origin: 'http://127.0.0.1',
      host: 'demo' as const,
      name: 'Demo intranet',
      enabled: true,
      anyPort: true,
      source: 'builtin' as const,
      addedAt: 1,
    };
    expect(
      registrationsFor([builtin, { ...builtin, origin: 'http://127.0.0.1:8080', source: 'user' }]),
    ).toEqual([]);
  });
});
