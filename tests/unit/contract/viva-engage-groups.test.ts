// @vitest-environment node
// The Viva Engage contract server's `groups.json` (the user's groups, for the target field) and posting
// into groups: the bearer check, the shared limit of 10 requests in 30 s, and 50 groups per page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_ID, GROUPS, LIMIT, startVivaEngage, TENANT } from '../../contract/viva-engage/server.mjs';
import { CHALLENGE, REDIRECT, VERIFIER } from './pkce-client';

let server: Awaited<ReturnType<typeof startVivaEngage>>;
let at: number;
beforeEach(async () => {
  at = Date.UTC(2026, 10, 22, 9);
  server = await startVivaEngage({ now: () => at, moreGroups: 60 });
});
afterEach(() => server.close());

async function signIn(): Promise<string> {
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'https://www.yammer.com/.default offline_access',
    state: 'st4te',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
  });
  const authorized = await fetch(`${server.url}/${TENANT}/oauth2/v2.0/authorize?${query}`, {
    redirect: 'manual',
  });
  const code = new URL(authorized.headers.get('location') ?? 'about:blank').searchParams.get('code') ?? '';
  const response = await fetch(`${server.url}/${TENANT}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    },
    body: new URLSearchParams({
      client_id: CLIENT_ID,
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    }),
  });
  return (await response.json()).access_token;
}
const api = (path: string, bearer?: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api/v1/${path}`, {
    ...init,
    headers: { ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}), ...(init.headers ?? {}) },
  });
const groupNames = async (path: string, bearer: string) =>
  ((await (await api(path, bearer)).json()) as Array<{ full_name: string }>).map((group) => group.full_name);

describe('groups.json', () => {
  it('refuses a request without a bearer token: 401 Token not found', async () => {
    const response = await api('groups.json?mine=1');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ response: { message: 'Token not found.' } });
    expect((await api('groups.json?mine=1', 'eyJ0eXAiOi-guessed')).status).toBe(401);
  });

  it('with mine=1 lists the user’s groups, 50 a page; without it the public ones too, never a private one they are not in', async () => {
    const bearer = await signIn();
    const first = await groupNames('groups.json?mine=1&page=1', bearer);
    const second = await groupNames('groups.json?mine=1&page=2', bearer);
    expect(first).toHaveLength(50);
    expect(first.slice(0, 3)).toEqual(['WOL-Circle Nord', 'Vertrieb Nord', 'Release Notes']);
    expect(second).toHaveLength(13);
    expect([...first, ...second]).not.toContain('Kantine');
    at += LIMIT.perMs;
    const all = [
      ...(await groupNames('groups.json', bearer)),
      ...(await groupNames('groups.json?page=2', bearer)),
    ];
    expect(all).toContain('Kantine');
    expect(all).not.toContain('Vorstand');
    expect((await api('groups.json?mine=1&page=0', bearer)).status).toBe(400);
  });

  it('counts against the limit of 10 requests in 30 s: then 429 with Retry-After', async () => {
    const bearer = await signIn();
    for (let i = 0; i < LIMIT.requests; i++)
      expect((await api('groups.json?mine=1', bearer)).status).toBe(200);
    const limited = await api('groups.json?mine=1', bearer);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    at += LIMIT.perMs;
    expect((await api('groups.json?mine=1', bearer)).status).toBe(200);
  });
});

describe('posting into a group', () => {
  it('takes posts into the user’s groups; a private group they are not in answers 403', async () => {
    const bearer = await signIn();
    const post = (groupId: number) =>
      api('messages.json', bearer, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ body: 'WOL', group_id: groupId }),
      });
    const vertrieb = GROUPS.find((group) => group.full_name === 'Vertrieb Nord')?.id ?? 0;
    const vorstand = GROUPS.find((group) => group.full_name === 'Vorstand')?.id ?? 0;
    expect((await post(vertrieb)).status).toBe(201);
    expect((await post(vorstand)).status).toBe(403);
    expect((await post(1)).status).toBe(404);
    expect(server.written().map((message) => message.group_id)).toEqual([vertrieb]);
  });
});
