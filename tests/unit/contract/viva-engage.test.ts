// @vitest-environment node
// The Viva Engage contract server refuses what Entra ID and Engage's REST API refuse.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_ID, LIMIT, startVivaEngage, TENANT } from '../../contract/viva-engage/server.mjs';
import { CHALLENGE, REDIRECT, VERIFIER } from './pkce-client';

let server: Awaited<ReturnType<typeof startVivaEngage>>;
let at: number;
beforeEach(async () => {
  at = Date.UTC(2026, 10, 22, 9);
  server = await startVivaEngage({ now: () => at });
});
afterEach(() => server.close());

function authorize(params: Record<string, string>, tenant = TENANT) {
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'https://www.yammer.com/.default offline_access',
    state: 'st4te',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...params,
  });
  return fetch(`${server.url}/${tenant}/oauth2/v2.0/authorize?${query}`, { redirect: 'manual' });
}
const redirectParams = (response: Response) =>
  new URL(response.headers.get('location') ?? 'about:blank').searchParams;
const token = (form: Record<string, string>) =>
  fetch(`${server.url}/${TENANT}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    },
    body: new URLSearchParams({ client_id: CLIENT_ID, ...form }),
  });
async function code(): Promise<string> {
  return redirectParams(await authorize({})).get('code') ?? '';
}
async function signIn(): Promise<{ access_token: string; refresh_token: string }> {
  const response = await token({
    grant_type: 'authorization_code',
    code: await code(),
    redirect_uri: REDIRECT,
    code_verifier: VERIFIER,
  });
  return response.json();
}
const api = (path: string, bearer: string | undefined, init: RequestInit = {}) =>
  fetch(`${server.url}/api/v1/${path}`, {
    ...init,
    headers: { ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}), ...(init.headers ?? {}) },
  });
const post = (bearer: string, body: unknown) =>
  api('messages.json', bearer, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the Entra ID sign-in', () => {
  it('redirects with a code and our state, and only to an extension redirect URI', async () => {
    const ok = await authorize({});
    expect(ok.status).toBe(302);
    expect(redirectParams(ok).get('state')).toBe('st4te');
    expect(redirectParams(ok).get('code')).toMatch(/^code-/);
    const elsewhere = await authorize({ redirect_uri: 'https://evil.example/' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers.get('location')).toBeNull();
    expect((await authorize({ client_id: 'nobody' })).status).toBe(400);
    expect((await authorize({}, 'other-tenant.example')).status).toBe(400);
  });

  it('requires PKCE with S256 and the Engage scope', async () => {
    expect(redirectParams(await authorize({ code_challenge_method: 'plain' })).get('error')).toBe(
      'invalid_request',
    );
    expect(redirectParams(await authorize({ code_challenge: '' })).get('error')).toBe('invalid_request');
    expect(redirectParams(await authorize({ scope: 'User.Read' })).get('error')).toBe('invalid_scope');
  });

  it('exchanges a code once, only with the matching code_verifier and redirect URI', async () => {
    const wrongVerifier = await token({
      grant_type: 'authorization_code',
      code: await code(),
      redirect_uri: REDIRECT,
      code_verifier: 'w'.repeat(43),
    });
    expect(wrongVerifier.status).toBe(400);
    expect(await wrongVerifier.json()).toMatchObject({ error: 'invalid_grant' });

    const wrongRedirect = await token({
      grant_type: 'authorization_code',
      code: await code(),
      redirect_uri: 'https://x.example/',
      code_verifier: VERIFIER,
    });
    expect(await wrongRedirect.json()).toMatchObject({ error: 'invalid_grant' });

    const good = await code();
    const first = await token({
      grant_type: 'authorization_code',
      code: good,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const replay = await token({
      grant_type: 'authorization_code',
      code: good,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    });
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });

    const json = await fetch(`${server.url}/${TENANT}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      },
      body: JSON.stringify({ grant_type: 'authorization_code' }),
    });
    expect(json.status).toBe(400);
  });

  it('redeems codes only cross-origin (an SPA registration), answering any origin', async () => {
    const response = await fetch(`${server.url}/${TENANT}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: CLIENT_ID,
        grant_type: 'authorization_code',
        code: await code(),
        redirect_uri: REDIRECT,
        code_verifier: VERIFIER,
      }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error_description).toMatch(/^AADSTS9002327/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('rotates refresh tokens: a spent one is refused and revokes the grant', async () => {
    const tokens = await signIn();
    const refreshed = await (
      await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })
    ).json();
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect((await api('users/current.json', refreshed.access_token)).status).toBe(200);

    const reused = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(reused.status).toBe(400);
    expect((await api('users/current.json', refreshed.access_token)).status).toBe(401);
  });
});

describe('the REST API', () => {
  it('answers 401 in Yammer’s shape without a valid bearer token', async () => {
    for (const bearer of [undefined, 'made-up']) {
      const response = await api('users/current.json', bearer);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        response: { message: 'Token not found.', code: 16, stat: 'fail' },
      });
    }
    const { access_token } = await signIn();
    at += 3601_000;
    expect((await api('users/current.json', access_token)).status).toBe(401);
  });

  it(`allows ${LIMIT.requests} requests per 30 s per user and app, then 429 with Retry-After`, async () => {
    const { access_token } = await signIn();
    for (let i = 0; i < LIMIT.requests; i++)
      expect((await api('users/current.json', access_token)).status).toBe(200);
    const limited = await api('users/current.json', access_token);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(30);
    at += 30_001;
    expect((await api('users/current.json', access_token)).status).toBe(200);
  });

  it('rejects malformed writes and unknown targets, and stores a good reply once', async () => {
    const { access_token } = await signIn();
    expect((await post(access_token, { replied_to_id: '3297706135822336' })).status).toBe(400);
    expect((await post(access_token, { body: '   ' })).status).toBe(400);
    expect((await post(access_token, { body: 'x'.repeat(10_001) })).status).toBe(400);
    const notJson = await api('messages.json', access_token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"body":',
    });
    expect(notJson.status).toBe(400);
    expect((await post(access_token, { body: 'Danke', replied_to_id: '42' })).status).toBe(404);
    expect((await post(access_token, { body: 'Danke', group_id: '42' })).status).toBe(404);

    const reply = await post(access_token, { body: 'Danke, Anna!', replied_to_id: '3297706135822336' });
    expect(reply.status).toBe(201);
    const { messages } = await reply.json();
    expect(messages[0]).toMatchObject({ replied_to_id: 3297706135822336, thread_id: 3297702377725952 });
    const group = await post(access_token, { body: '#WOL Woche 4', group_id: '221395517440' });
    expect((await group.json()).messages[0]).toMatchObject({ replied_to_id: null, group_id: 221395517440 });
    expect(server.written()).toHaveLength(2);

    // Ten requests so far: a new 30-second window for the reads.
    at += 30_001;
    const sent = await (await api('messages/sent.json', access_token)).json();
    expect(sent.messages.map((m: { body: { plain: string } }) => m.body.plain)).toEqual([
      '#WOL Woche 4',
      'Danke, Anna!',
    ]);
    const search = await (await api('search.json?search=danke', access_token)).json();
    expect(search.count.messages).toBe(1);
    expect((await api('search.json', access_token)).status).toBe(400);
  });
});
