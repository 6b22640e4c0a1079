// @vitest-environment node
// The lookup's two messages through the background's dispatcher: who may ask, for which origin, and what
// comes back (real handlers and database, the real Slack contract server behind them).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Auth } from '../../../lib/auth/accounts';
import { createHandlers } from '../../../lib/background/handlers';
import { openDatabase, type RueckenwindDb } from '../../../lib/db/database';
import { seedBuiltinIntranets } from '../../../lib/db/writes';
import { type DispatcherDeps, dispatch, type MessageSender } from '../../../lib/messages/dispatcher';
import { createTargetCache } from '../../../lib/targets/cache';
import { createTargetLookup } from '../../../lib/targets/lookup';
import { authFor, CONFIGS, routedFetch, type Servers, startServers } from '../auth/support';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const SLACK = 'https://app.slack.com';
const circlePage: MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/circle.html` };
const tab = (url: string): MessageSender => ({ id: EXTENSION_ID, url, tab: { id: 5, url } });
const slackTab = tab(`${SLACK}/client/T05MUSTERW/C06WOLNORD`);
const demoTab = tab('http://127.0.0.1:4321/posts/7');

let servers: Servers;
let db: RueckenwindDb;
let deps: DispatcherDeps;
let auth: Auth;

beforeEach(async () => {
  servers = await startServers();
  db = openDatabase(`target-messages-${crypto.randomUUID()}`);
  await seedBuiltinIntranets(db, Date.now());
  ({ auth } = authFor(servers));
  const stored = new Map<string, unknown>();
  const listTargets = createTargetLookup({
    auth: () => auth,
    meteredFetch: () => routedFetch(servers),
    cache: createTargetCache(
      {
        get: async (key) => stored.get(key),
        set: async (key, value) => void stored.set(key, value),
        remove: async (key) => void stored.delete(key),
      },
      Date.now,
    ),
  });
  deps = {
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    ...createHandlers(db, undefined, undefined, listTargets),
  };
});
afterEach(async () => {
  db.close();
  await db.delete();
  await servers.close();
});

const RELEASE_NOTES = { id: 'C07RELNOTES', name: '#release-notes' };

describe('targets.list (from an intranet page)', () => {
  it('answers for the host of the sender’s enabled intranet: first why there is no list, then the list', async () => {
    const ask = () => dispatch({ type: 'targets.list', origin: SLACK }, slackTab, deps);
    expect(await ask()).toEqual({ ok: true, value: { unavailable: 'not-connected' } });
    await auth.connect('slack', CONFIGS.slack);
    expect(await ask()).toMatchObject({
      ok: true,
      value: { targets: expect.arrayContaining([RELEASE_NOTES]) },
    });
  });

  it('is refused for another origin than the sender’s, and says “unsupported” where the host has no list', async () => {
    expect(
      await dispatch({ type: 'targets.list', origin: 'https://engage.cloud.microsoft' }, slackTab, deps),
    ).toMatchObject({ ok: false, error: { reason: 'errorWrongSender' } });
    expect(await dispatch({ type: 'targets.list', origin: 'http://127.0.0.1:4321' }, demoTab, deps)).toEqual({
      ok: true,
      value: { unavailable: 'unsupported' },
    });
  });
});

describe('targets.listFor (from the circle page)', () => {
  it('lists the targets on the enabled intranet at that origin', async () => {
    await auth.connect('slack', CONFIGS.slack);
    expect(await dispatch({ type: 'targets.listFor', origin: SLACK }, circlePage, deps)).toMatchObject({
      ok: true,
      value: { targets: expect.arrayContaining([RELEASE_NOTES]) },
    });
    expect(
      await dispatch({ type: 'targets.listFor', origin: 'https://elsewhere.example' }, circlePage, deps),
    ).toEqual({ ok: true, value: { unavailable: 'unsupported' } });
  });

  it('is refused from a web page, and for an origin that is not one', async () => {
    expect(await dispatch({ type: 'targets.listFor', origin: SLACK }, slackTab, deps)).toMatchObject({
      ok: false,
      error: { reason: 'errorWrongSender' },
    });
    expect(await dispatch({ type: 'targets.listFor', origin: 'slack' }, circlePage, deps)).toMatchObject({
      ok: false,
      error: { reason: 'errorInvalidMessage' },
    });
  });
});
