// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CollectionSchema,
  CreatedSchema,
  ErrorSchema,
  ProfileSchema,
} from '../../../lib/hosts/connections/api-schemas';
import { SIGNED_IN, startConnections } from '../../contract/connections/server.mjs';
import { cookieHeader, type JsonInit, jsonRequest } from './json-request';

type Connections = Awaited<ReturnType<typeof startConnections>>;

const STATUS = '9e6b7f4d-3082-4db4-8f6a-7b8c9daebfc0';
const OWNER = '5172b2c0-7547-102f-9f51-f6be80987c6a';
const UBLOG = '/connections/opensocial/rest/ublog';
let connections: Connections;
let cookie: string;

beforeEach(async () => {
  connections = await startConnections();
  cookie = cookieHeader([connections.signIn().cookie]);
});
afterEach(() => connections.close());

const call = (path: string, init?: JsonInit) =>
  jsonRequest(`${connections.url}${path}`, { Cookie: cookie, 'X-Update-Nonce': '1' }, init);
const comment = (body: unknown, headers: Record<string, string> = {}, owner = OWNER) =>
  call(`${UBLOG}/${owner}/@all/${STATUS}/comments`, { method: 'POST', body, headers });

describe('the HCL Connections contract server', () => {
  it('adds a comment to a status update as the signed-in user and lists it', async () => {
    const response = await comment({ content: 'Danke, Katharina!' });
    expect(response.status).toBe(200);
    const { entry } = await response.json();
    expect(entry).toMatchObject({
      id: expect.stringMatching(/^urn:lsid:lconn\.ibm\.com:profiles\.comment:[\w-]+$/),
      content: 'Danke, Katharina!',
      author: { id: `urn:lsid:lconn.ibm.com:profiles.person:${SIGNED_IN.id}` },
    });
    // `@all` stands for the board owner.
    const list = await (await call(`${UBLOG}/@all/@all/${STATUS}/comments`)).json();
    expect(list.list.map((item: { id: string }) => item.id)).toContain(entry.id);
    const me = await (await call('/connections/opensocial/rest/people/@me/@self')).json();
    expect(me.entry.id).toBe(`urn:lsid:lconn.ibm.com:profiles.person:${SIGNED_IN.id}`);
  });

  it('refuses writes without a session (401) or without X-Update-Nonce (403)', async () => {
    const anonymous = await comment({ content: 'Danke!' }, { Cookie: '' });
    expect(anonymous.status).toBe(401);
    const noNonce = await comment({ content: 'Danke!' }, { 'X-Update-Nonce': '' });
    expect(noNonce.status).toBe(403);
    expect(await noNonce.json()).toEqual({
      error: { code: 403, message: 'The request is missing the X-Update-Nonce header.' },
    });
    expect(
      connections.entries().filter((entry) => entry.author === SIGNED_IN.id && entry.content === 'Danke!'),
    ).toEqual([]);
  });

  it('rejects malformed and over-long bodies, comments on a comment, the wrong board and deleted updates', async () => {
    expect((await comment('{"content":')).status).toBe(400);
    expect((await comment({ text: 'Danke!' })).status).toBe(400);
    expect((await comment({ content: 'x'.repeat(1001) })).status).toBe(400);
    expect((await comment({ content: 'x'.repeat(1000) })).status).toBe(200);
    const onComment = await call(`${UBLOG}/@all/@all/0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9/comments`, {
      method: 'POST',
      body: { content: 'Danke!' },
    });
    expect(onComment.status).toBe(404);
    expect((await comment({ content: 'Danke!' }, {}, SIGNED_IN.id)).status).toBe(404);
    connections.deleteStatus(STATUS);
    const deleted = await comment({ content: 'Danke!' });
    expect(deleted.status).toBe(404);
    expect(await deleted.json()).toEqual({
      error: { code: 404, message: 'The status update was not found.' },
    });
  });

  it('posts status updates on the user’s own board or a community’s, not on someone else’s', async () => {
    const own = await call(`${UBLOG}/@me/@all`, {
      method: 'POST',
      body: { content: 'Diese Woche lerne ich …' },
    });
    expect(own.status).toBe(200);
    const board = await (await call(`${UBLOG}/@me/@all`)).json();
    expect(board.list[0]).toMatchObject({ content: 'Diese Woche lerne ich …' });
    const community = `urn:lsid:lconn.ibm.com:communities.community:wol-nord`;
    expect(
      (await call(`${UBLOG}/${community}/@all`, { method: 'POST', body: { content: 'Hallo' } })).status,
    ).toBe(200);
    expect(
      (await call(`${UBLOG}/${OWNER}/@all`, { method: 'POST', body: { content: 'Hallo' } })).status,
    ).toBe(403);
  });

  it('answers in the shapes the adapter reads (its zod schemas)', async () => {
    CreatedSchema.parse(await (await comment({ content: 'Danke!' })).json());
    CollectionSchema.parse(await (await call(`${UBLOG}/${OWNER}/@all/${STATUS}/comments`)).json());
    CreatedSchema.parse(
      await (await call(`${UBLOG}/@me/@all`, { method: 'POST', body: { content: 'Hallo' } })).json(),
    );
    CollectionSchema.parse(await (await call(`${UBLOG}/@me/@all`)).json());
    ProfileSchema.parse(await (await call('/connections/opensocial/rest/people/@me/@self')).json());
    ErrorSchema.parse(await (await comment({ content: 'Danke!' }, { 'X-Update-Nonce': '' })).json());
  });
});
