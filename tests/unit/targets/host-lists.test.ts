// @vitest-environment node
// Reading the user's channels (Slack) and groups (Viva Engage) from the real contract servers, with their
// token checks, pagination and limits; and what a malformed answer becomes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TokenRejectedError, type TokenSession } from '../../../lib/auth/token-rejected';
import { slackChannels } from '../../../lib/hosts/slack/api';
import { engageGroups } from '../../../lib/hosts/viva-engage/api';
import { TargetLookupError } from '../../../lib/targets/target';
import { authFor, CONFIGS, engage, routedFetch, slack } from '../auth/support';

type Servers = {
  slack: Awaited<ReturnType<typeof slack.startSlack>>;
  engage: Awaited<ReturnType<typeof engage.startVivaEngage>>;
};
let servers: Servers;
let at: number;

async function start(more = { channels: 0, groups: 0 }) {
  at = Date.UTC(2026, 10, 22, 9);
  const now = () => at;
  servers = {
    slack: await slack.startSlack({ now, moreChannels: more.channels }),
    engage: await engage.startVivaEngage({ now, moreGroups: more.groups }),
  };
}
afterEach(async () => {
  await servers.slack.close();
  await servers.engage.close();
});

/** A session with a token the server issued (through its own sign-in, as `Auth` would). */
async function sessionFor(host: 'slack' | 'viva-engage'): Promise<TokenSession> {
  const fetch = routedFetch({ ...servers, close: async () => undefined });
  const { auth } = authFor({ ...servers, close: async () => undefined }, { now: () => at });
  const connected = await auth.connect(host, CONFIGS[host]);
  if (!connected.ok) throw new Error(connected.detail);
  const grant = await auth.accessToken(host);
  if (!grant.ok) throw new Error(grant.reason);
  // Connecting asked the host too; its window is past before the list is read.
  at += 30_000;
  return { token: grant.token, userId: grant.userId, fetch };
}

/** A host that answers 200 with this body: what a proxy or a changed API might send. */
const answering = (body: string): TokenSession => ({
  token: 'token',
  userId: 'me',
  fetch: async () => new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }),
});

describe('the user’s Slack channels', () => {
  beforeEach(() => start({ channels: 250, groups: 0 }));

  it('are the channels they are in, archived ones left out, as #name, sorted, across cursor pages', async () => {
    const channels = await slackChannels(await sessionFor('slack'));
    expect(channels).toHaveLength(253);
    expect(channels.slice(0, 2)).toEqual([
      { id: 'C07RELNOTES', name: '#release-notes' },
      { id: 'C09TEAM0001', name: '#team-0001' },
    ]);
    expect(channels.map((channel) => channel.name)).toEqual(
      expect.arrayContaining(['#vertrieb-nord', '#wol-circle-nord']),
    );
    expect(channels.map((channel) => channel.name)).not.toContain('#projekt-alt');
    expect(channels.map((channel) => channel.name)).not.toContain('#kantine');
    const calls = servers.slack.calls.filter((call) => call.method === 'users.conversations');
    expect(calls.map((call) => call.args.cursor)).toEqual([undefined, expect.any(String)]);
    expect(calls[0]?.args).toMatchObject({
      types: 'public_channel,private_channel',
      exclude_archived: 'true',
    });
  });

  it('throw TokenRejectedError for a revoked token, so that it can be renewed', async () => {
    const session = await sessionFor('slack');
    servers.slack.auth.revoke();
    await expect(slackChannels(session)).rejects.toBeInstanceOf(TokenRejectedError);
  });

  it('are unreachable while Slack rate-limits, with its reason', async () => {
    const session = await sessionFor('slack');
    // Two pages each: ten lists fill Slack's 20 calls a minute.
    for (let i = 0; i < 10; i++) await slackChannels(session);
    const error = await slackChannels(session).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetLookupError);
    expect(error).toMatchObject({ why: 'unreachable', message: 'Slack: users.conversations: ratelimited' });
  });

  it('are refused without the listing scope, and unreadable when the answer is malformed', async () => {
    await expect(slackChannels(answering('{"ok":false,"error":"missing_scope"}'))).rejects.toMatchObject({
      why: 'refused',
      message: 'Slack: users.conversations: missing_scope',
    });
    for (const body of ['<html>', '{"ok":true}', '{"ok":true,"channels":[{"id":7,"name":"x"}]}'])
      await expect(slackChannels(answering(body))).rejects.toMatchObject({
        name: 'TargetLookupError',
        why: 'unreadable',
        message: 'Slack: users.conversations: HTTP 200: unreadable response',
      });
  });
});

describe('the user’s Viva Engage groups', () => {
  beforeEach(() => start({ channels: 0, groups: 60 }));

  it('are the groups they are in, by full name, sorted, across pages of 50', async () => {
    const groups = await engageGroups(await sessionFor('viva-engage'));
    expect(groups).toHaveLength(63);
    expect(groups.slice(0, 2)).toEqual([
      { id: '221395517442', name: 'Release Notes' },
      { id: '221395600000', name: 'Team 0001' },
    ]);
    expect(groups.map((group) => group.name)).toEqual(
      expect.arrayContaining(['Vertrieb Nord', 'WOL-Circle Nord']),
    );
    expect(groups.map((group) => group.name)).not.toContain('Vorstand');
    expect(groups.map((group) => group.name)).not.toContain('Kantine');
    expect(servers.engage.log.find('GET', '/api/v1/groups.json')).toHaveLength(2);
  });

  it('keep 64-bit ids exact', async () => {
    const groups = await engageGroups(answering('[{"id": 1801245546496123456, "full_name": "Groß"}]'));
    expect(groups).toEqual([{ id: '1801245546496123456', name: 'Groß' }]);
  });

  it('throw TokenRejectedError for a revoked token; a full rate window is unreachable', async () => {
    const session = await sessionFor('viva-engage');
    // Two pages each: five lists fill the 10 requests in 30 s.
    for (let i = 0; i < engage.LIMIT.requests / 2; i++) await engageGroups(session);
    await expect(engageGroups(session)).rejects.toMatchObject({
      why: 'unreachable',
      message: 'Viva Engage: HTTP 429: Rate limited due to excess requests.',
    });
    servers.engage.auth.revoke();
    await expect(engageGroups(session)).rejects.toBeInstanceOf(TokenRejectedError);
  });

  it('are unreadable when the answer is malformed', async () => {
    for (const body of ['not json', '{"groups":[]}', '[{"id":"abc","full_name":"x"}]'])
      await expect(engageGroups(answering(body))).rejects.toMatchObject({
        why: 'unreadable',
        message: 'Viva Engage: groups: HTTP 200: unreadable response',
      });
  });
});
