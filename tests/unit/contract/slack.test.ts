// @vitest-environment node
// The Slack contract server refuses what Slack's OAuth v2 and Web API refuse, in Slack's shapes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL, CLIENT_ID, SIGNED_IN, startSlack, THREAD } from '../../contract/slack/server.mjs';
import { CHALLENGE, REDIRECT, VERIFIER } from './pkce-client';

let server: Awaited<ReturnType<typeof startSlack>>;
let at: number;
beforeEach(async () => {
  at = Date.UTC(2026, 10, 22, 9);
  server = await startSlack({ now: () => at });
});
afterEach(() => server.close());

async function authorize(params: Record<string, string>) {
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    user_scope: 'chat:write,channels:history,search:read',
    redirect_uri: REDIRECT,
    state: 'st4te',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...params,
  });
  const response = await fetch(`${server.url}/oauth/v2/authorize?${query}`, { redirect: 'manual' });
  return {
    status: response.status,
    params: new URL(response.headers.get('location') ?? 'about:blank').searchParams,
  };
}
const form = (method: string, args: Record<string, string>, bearer?: string) =>
  fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
    },
    body: new URLSearchParams(args),
  });
const call = async (method: string, args: Record<string, string>, bearer?: string) => {
  const response = await form(method, args, bearer);
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  };
};
async function signIn() {
  const { params } = await authorize({});
  const { body } = await call('oauth.v2.access', {
    client_id: CLIENT_ID,
    code: params.get('code') ?? '',
    redirect_uri: REDIRECT,
    code_verifier: VERIFIER,
  });
  return body.authed_user as { access_token: string; refresh_token: string };
}

describe('Slack OAuth v2 with PKCE', () => {
  it('redirects with a code for user scopes only, to an extension redirect URI', async () => {
    const ok = await authorize({});
    expect(ok.status).toBe(302);
    expect(ok.params.get('state')).toBe('st4te');
    expect((await authorize({ redirect_uri: 'https://evil.example/' })).status).toBe(400);
    expect((await authorize({ user_scope: '' })).params.get('error')).toBe('invalid_scope');
    expect((await authorize({ user_scope: 'admin' })).params.get('error')).toBe('invalid_scope');
    expect((await authorize({ code_challenge_method: 'plain' })).params.get('error')).toBe('invalid_request');
  });

  it('exchanges a code only with its verifier, once; refresh tokens rotate', async () => {
    const { params } = await authorize({});
    const code = params.get('code') ?? '';
    const wrong = await call('oauth.v2.access', {
      client_id: CLIENT_ID,
      code,
      redirect_uri: REDIRECT,
      code_verifier: 'w'.repeat(43),
    });
    expect(wrong.body).toEqual({ ok: false, error: 'invalid_code' });

    const tokens = await signIn();
    expect(tokens.access_token).toMatch(/^xoxe\.xoxp-1-/);
    const refreshed = await call('oauth.v2.access', {
      client_id: CLIENT_ID,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(refreshed.body).toMatchObject({ ok: true, token_type: 'user', expires_in: 43200 });
    const again = await call('oauth.v2.access', {
      client_id: CLIENT_ID,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(again.body).toEqual({ ok: false, error: 'invalid_refresh_token' });
    expect((await call('oauth.v2.access', { client_id: 'nobody', code: 'x' })).body.error).toBe(
      'invalid_client_id',
    );
  });
});

describe('the Web API', () => {
  it('answers not_authed, invalid_auth, token_expired and token_revoked with ok:false', async () => {
    expect((await call('auth.test', {})).body).toEqual({ ok: false, error: 'not_authed' });
    expect((await call('auth.test', {}, 'xoxp-made-up')).body).toEqual({ ok: false, error: 'invalid_auth' });
    const { access_token } = await signIn();
    expect((await call('auth.test', {}, access_token)).body).toMatchObject({
      ok: true,
      user_id: SIGNED_IN.id,
    });
    // The token may come in the form instead: any origin may call that way, without a preflight.
    const simple = await form('auth.test', { token: access_token });
    expect(await simple.json()).toMatchObject({ ok: true });
    expect(simple.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${server.url}/api/auth.test`, { method: 'OPTIONS' })).ok).toBe(false);
    at += 43_200_000;
    expect((await call('auth.test', {}, access_token)).body).toEqual({ ok: false, error: 'token_expired' });
    const fresh = await signIn();
    server.auth.revoke();
    expect((await call('auth.test', {}, fresh.access_token)).body).toEqual({
      ok: false,
      error: 'token_revoked',
    });
  });

  it('rejects a bad channel, no text, too long a text and an unknown thread', async () => {
    const { access_token } = await signIn();
    const post = async (args: Record<string, string>) => {
      at += 1_000;
      return (await call('chat.postMessage', args, access_token)).body;
    };
    expect(await post({ channel: 'C0NOTHERE', text: 'hi' })).toEqual({
      ok: false,
      error: 'channel_not_found',
    });
    expect(await post({ channel: CHANNEL, text: ' ' })).toEqual({ ok: false, error: 'no_text' });
    expect(await post({ channel: CHANNEL, text: 'x'.repeat(40_001) })).toEqual({
      ok: false,
      error: 'msg_too_long',
    });
    expect(await post({ channel: CHANNEL, text: 'hi', thread_ts: '1.000001' })).toEqual({
      ok: false,
      error: 'thread_not_found',
    });
    const posted = await post({ channel: CHANNEL, text: 'Thanks <3', thread_ts: THREAD.root });
    expect(posted).toMatchObject({
      ok: true,
      channel: CHANNEL,
      message: { text: 'Thanks &lt;3', thread_ts: THREAD.root },
    });
    expect(server.written()).toHaveLength(1);
  });

  it('limits chat.postMessage to one per second per channel: 429 ratelimited with Retry-After', async () => {
    const { access_token } = await signIn();
    expect((await call('chat.postMessage', { channel: CHANNEL, text: 'one' }, access_token)).body.ok).toBe(
      true,
    );
    const limited = await call('chat.postMessage', { channel: CHANNEL, text: 'two' }, access_token);
    expect(limited).toEqual({ status: 429, retryAfter: '1', body: { ok: false, error: 'ratelimited' } });
    at += 1_001;
    expect((await call('chat.postMessage', { channel: CHANNEL, text: 'two' }, access_token)).body.ok).toBe(
      true,
    );
  });

  it('reads a thread from any of its messages, root first, and searches', async () => {
    const { access_token } = await signIn();
    const thread = await call(
      'conversations.replies',
      { channel: CHANNEL, ts: THREAD.replies[1] ?? '' },
      access_token,
    );
    expect(thread.body.messages.map((m: { ts: string }) => m.ts)).toEqual([THREAD.root, ...THREAD.replies]);
    expect((await call('conversations.replies', { channel: CHANNEL }, access_token)).body.error).toBe(
      'invalid_arguments',
    );
    expect(
      (await call('conversations.replies', { channel: CHANNEL, ts: '1.000001' }, access_token)).body.error,
    ).toBe('thread_not_found');
    await call('chat.postMessage', { channel: CHANNEL, text: 'Working out loud: week 4' }, access_token);
    const found = await call('search.messages', { query: 'out loud' }, access_token);
    expect(found.body.messages.total).toBe(1);
    expect((await call('search.messages', {}, access_token)).body.error).toBe('invalid_arguments');
  });
});
