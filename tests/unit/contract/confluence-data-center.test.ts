// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DcCommentsSchema,
  DcContentSchema,
  DcCurrentUserSchema,
  reasonOf,
} from '../../../lib/hosts/confluence/api-schemas';
import { SIGNED_IN, startConfluenceDataCenter } from '../../contract/confluence/data-center.mjs';
import { PAGE } from '../../contract/confluence/server.mjs';
import { cookieHeader, type JsonInit, jsonRequest } from './json-request';

type DataCenter = Awaited<ReturnType<typeof startConfluenceDataCenter>>;

const COMMENT = '48889311';
let confluence: DataCenter;
let cookie: string;

beforeEach(async () => {
  confluence = await startConfluenceDataCenter();
  cookie = cookieHeader([confluence.signIn().cookie]);
});
afterEach(() => confluence.close());

const call = (path: string, init?: JsonInit) =>
  jsonRequest(`${confluence.url}${path}`, { Cookie: cookie }, init);
const comment = (value: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  call('/rest/api/content', {
    method: 'POST',
    body: {
      type: 'comment',
      container: { id: PAGE.id, type: 'page' },
      ancestors: [{ id: COMMENT }],
      body: { storage: { value, representation: 'storage' } },
      ...extra,
    },
    headers,
  });

describe('the Confluence Data Center contract server', () => {
  it('creates a reply under a comment as the signed-in user and lists it with its ancestors', async () => {
    const response = await comment('<p>Danke, Jonas!</p>');
    expect(response.status).toBe(200);
    const created = await response.json();
    expect(created).toMatchObject({
      type: 'comment',
      container: { id: PAGE.id },
      ancestors: [{ id: COMMENT }],
    });
    const children = await (
      await call(`/rest/api/content/${PAGE.id}/child/comment?expand=body.storage`)
    ).json();
    expect(children.results.at(-1)).toMatchObject({
      id: created.id,
      history: { createdBy: { username: SIGNED_IN.username } },
      body: { storage: { value: '<p>Danke, Jonas!</p>' } },
    });
    const lookup = await (await call(`/rest/api/content/${COMMENT}?expand=container`)).json();
    expect(lookup.container.id).toBe(PAGE.id);
  });

  it('refuses requests without a session, and non-JSON writes without the XSRF token', async () => {
    expect((await comment('<p>Danke!</p>', {}, { Cookie: '' })).status).toBe(401);
    const form = await call('/rest/api/content', {
      method: 'POST',
      body: 'type=comment',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(403);
    expect(await form.text()).toBe('XSRF check failed');
  });

  it('rejects malformed JSON, bad storage, unknown pages and ancestors, and forbidden pages', async () => {
    expect((await call('/rest/api/content', { method: 'POST', body: '{"type":' })).status).toBe(400);
    expect((await comment('<p>a < b</p>')).status).toBe(400);
    expect((await comment('<p>Danke</p>', { container: { id: '1', type: 'page' } })).status).toBe(404);
    expect((await comment('<p>Danke</p>', { ancestors: [{ id: '1' }] })).status).toBe(404);
    confluence.forbidComments();
    const forbidden = await comment('<p>Danke</p>');
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).message).toBe('You do not have permission to comment on this page.');
  });

  it('answers in the shapes the adapter reads (its zod schemas)', async () => {
    DcContentSchema.parse(await (await comment('<p>Danke!</p>')).json());
    DcContentSchema.parse(await (await call(`/rest/api/content/${COMMENT}?expand=container`)).json());
    DcCommentsSchema.parse(
      await (await call(`/rest/api/content/${PAGE.id}/child/comment?expand=body.storage`)).json(),
    );
    DcCurrentUserSchema.parse(await (await call('/rest/api/user/current')).json());
    expect(reasonOf(await (await comment('<p>a < b</p>')).json())).toBe(
      'Error parsing xhtml: the comment body is not valid storage format.',
    );
  });
});
