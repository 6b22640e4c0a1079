// @vitest-environment node
// The Slack contract server's `users.conversations` (the user's channels, for the target field) and
// posting into those channels: Slack's token check, its Tier 2 limit and its cursor pagination.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL, CHANNELS, CLIENT_ID, startSlack } from '../../contract/slack/server.mjs';
import { CHALLENGE, REDIRECT, VERIFIER } from './pkce-client';

let server: Awaited<ReturnType<typeof startSlack>>;
let at: number;
beforeEach(async () => {
  at = Date.UTC(2026, 10, 22, 9);
  server = await startSlack({ now: () => at, moreChannels: 3 });
});
afterEach(() => server.close());

const call = async (method: string, args: Record<string, string>) => {
  const response = await fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(args),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  };
};
async function signIn(): Promise<string> {
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    user_scope: 'chat:write,channels:read,groups:read',
    redirect_uri: REDIRECT,
    state: 'st4te',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
  });
  const authorized = await fetch(`${server.url}/oauth/v2/authorize?${query}`, { redirect: 'manual' });
  const code = new URL(authorized.headers.get('location') ?? 'about:blank').searchParams.get('code') ?? '';
  const { body } = await call('oauth.v2.access', {
    client_id: CLIENT_ID,
    code,
    redirect_uri: REDIRECT,
    code_verifier: VERIFIER,
  });
  return body.authed_user.access_token;
}
const MINE = { types: 'public_channel,private_channel', exclude_archived: 'true' };

describe('users.conversations', () => {
  it('refuses a request without a token, or with an unknown one, in Slack’s shape', async () => {
    expect(await call('users.conversations', MINE)).toMatchObject({
      status: 200,
      body: { ok: false, error: 'not_authed' },
    });
    expect((await call('users.conversations', { ...MINE, token: 'xoxp-guessed' })).body).toEqual({
      ok: false,
      error: 'invalid_auth',
    });
  });

  it('lists the channels the user is in, archived ones only when asked, never one they are not in', async () => {
    const token = await signIn();
    const names = async (args: Record<string, string>) =>
      ((await call('users.conversations', { ...args, token })).body.channels as Array<{ name: string }>).map(
        (channel) => channel.name,
      );
    expect(await names(MINE)).toEqual([
      'wol-circle-nord',
      'release-notes',
      'vertrieb-nord',
      'team-0001',
      'team-0002',
      'team-0003',
    ]);
    expect(await names({ types: 'public_channel,private_channel' })).toContain('projekt-alt');
    // Slack's default type is public channels only.
    expect(await names({ exclude_archived: 'true' })).not.toContain('wol-circle-nord');
    expect(await names({ types: 'public_channel,private_channel' })).not.toContain('kantine');
    expect((await call('users.conversations', { types: 'channels', token })).body.error).toBe(
      'invalid_types',
    );
    expect((await call('users.conversations', { limit: '1000', token })).body.error).toBe('invalid_limit');
  });

  it('pages with a cursor until next_cursor is empty', async () => {
    const token = await signIn();
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const { body } = await call('users.conversations', { ...MINE, limit: '4', cursor, token });
      seen.push(...body.channels.map((channel: { id: string }) => channel.id));
      cursor = body.response_metadata.next_cursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect((await call('users.conversations', { ...MINE, cursor: 'bm9wZQ==', token })).body.error).toBe(
      'invalid_cursor',
    );
  });

  it('allows 20 calls a minute per token: then 429 ratelimited with Retry-After', async () => {
    const token = await signIn();
    for (let i = 0; i < 20; i++)
      expect((await call('users.conversations', { ...MINE, token })).body.ok).toBe(true);
    expect(await call('users.conversations', { ...MINE, token })).toEqual({
      status: 429,
      retryAfter: '60',
      body: { ok: false, error: 'ratelimited' },
    });
    at += 60_001;
    expect((await call('users.conversations', { ...MINE, token })).body.ok).toBe(true);
  });
});

describe('chat.postMessage into the user’s channels', () => {
  it('posts into any channel the user is in; not into one they left, nor an archived or unknown one', async () => {
    const token = await signIn();
    const post = async (channel: string) => {
      at += 1_001;
      return (await call('chat.postMessage', { channel, text: 'WOL', token })).body;
    };
    expect(await post('C07RELNOTES')).toMatchObject({ ok: true, channel: 'C07RELNOTES' });
    expect(await post(CHANNEL)).toMatchObject({ ok: true, channel: CHANNEL });
    const archived = CHANNELS.find((channel) => channel.is_archived)?.id ?? '';
    const notMine = CHANNELS.find((channel) => !channel.member)?.id ?? '';
    expect(await post(archived)).toEqual({ ok: false, error: 'is_archived' });
    expect(await post(notMine)).toEqual({ ok: false, error: 'not_in_channel' });
    expect(await post('C00NOWHERE')).toEqual({ ok: false, error: 'channel_not_found' });
    expect(server.written().map((message) => message.channel)).toEqual(['C07RELNOTES', CHANNEL]);
  });
});
