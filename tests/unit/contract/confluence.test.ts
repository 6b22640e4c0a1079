// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BlogPostsSchema,
  CommentsSchema,
  CreatedSchema,
  CurrentUserSchema,
  reasonOf,
  SpacesSchema,
} from '../../../lib/hosts/confluence/api-schemas';
import { PAGE, SIGNED_IN, startConfluence } from '../../contract/confluence/server.mjs';
import { isWellFormedStorage } from '../../contract/confluence/storage-check.mjs';
import { cookieHeader, type JsonInit, jsonRequest } from './json-request';

type Confluence = Awaited<ReturnType<typeof startConfluence>>;

const COMMENT = '48889311';
let confluence: Confluence;
let cookie: string;

beforeEach(async () => {
  confluence = await startConfluence();
  cookie = cookieHeader([confluence.signIn().cookie]);
});
afterEach(() => confluence.close());

const call = (path: string, init?: JsonInit) =>
  jsonRequest(`${confluence.url}${path}`, { Cookie: cookie }, init);
const storage = (value: string) => ({ representation: 'storage', value });
const reply = (value: string, headers: Record<string, string> = {}) =>
  call('/wiki/api/v2/footer-comments', {
    method: 'POST',
    body: { parentCommentId: COMMENT, body: storage(value) },
    headers,
  });

describe('the Confluence Cloud contract server', () => {
  it('creates a reply to a comment as the signed-in user and lists it among the comment’s children', async () => {
    const response = await reply('<p>Danke, Jonas!</p>');
    expect(response.status).toBe(200);
    const created = await response.json();
    expect(created).toMatchObject({
      pageId: PAGE.id,
      parentCommentId: COMMENT,
      version: { authorId: SIGNED_IN.accountId },
    });
    const children = await (
      await call(`/wiki/api/v2/footer-comments/${COMMENT}/children?body-format=storage`)
    ).json();
    expect(children.results).toMatchObject([
      { id: created.id, body: { storage: { value: '<p>Danke, Jonas!</p>' } } },
    ]);
    const me = await (await call('/wiki/rest/api/user/current')).json();
    expect(me.accountId).toBe(SIGNED_IN.accountId);
  });

  it('refuses requests without a session, and non-JSON writes without the XSRF token', async () => {
    const seeded = confluence.comments().length;
    const anonymous = await reply('<p>Danke!</p>', { Cookie: '' });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      errors: [{ status: 401, code: 'UNAUTHORIZED', title: 'Unauthorized', detail: null }],
    });
    const form = await call('/wiki/api/v2/footer-comments', {
      method: 'POST',
      body: 'parentCommentId=48889311',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(403);
    expect(await form.text()).toBe('XSRF check failed');
    expect(confluence.comments()).toHaveLength(seeded);
  });

  it('rejects malformed JSON, unescaped storage, other representations, two targets and unknown comments', async () => {
    expect((await call('/wiki/api/v2/footer-comments', { method: 'POST', body: '{"pageId":' })).status).toBe(
      400,
    );
    expect((await reply('<p>Danke, <b>Eve</p>')).status).toBe(400);
    expect((await reply('<p>Tom & Jerry</p>')).status).toBe(400);
    expect((await reply('<p>Tom &amp; Jerry &#60;3</p>')).status).toBe(200);
    const wiki = await call('/wiki/api/v2/footer-comments', {
      method: 'POST',
      body: { parentCommentId: COMMENT, body: { representation: 'markdown', value: 'Danke' } },
    });
    expect(wiki.status).toBe(400);
    const both = await call('/wiki/api/v2/footer-comments', {
      method: 'POST',
      body: { pageId: PAGE.id, parentCommentId: COMMENT, body: storage('<p>Danke</p>') },
    });
    expect(both.status).toBe(400);
    const unknown = await call('/wiki/api/v2/footer-comments', {
      method: 'POST',
      body: { parentCommentId: '1', body: storage('<p>Danke</p>') },
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses comments where the user may not comment, with Confluence’s reason', async () => {
    confluence.forbidComments();
    const response = await reply('<p>Danke!</p>');
    expect(response.status).toBe(403);
    expect((await response.json()).errors[0].detail).toBe(
      'You do not have permission to comment on this page.',
    );
  });

  it('finds spaces by key and blog posts by space and title', async () => {
    const spaces = await (await call('/wiki/api/v2/spaces?keys=WOL')).json();
    expect(spaces.results).toMatchObject([{ id: PAGE.spaceId, key: 'WOL' }]);
    const created = await call('/wiki/api/v2/blogposts', {
      method: 'POST',
      body: {
        spaceId: PAGE.spaceId,
        status: 'current',
        title: 'Diese Woche',
        body: storage('<p>Diese Woche …</p>'),
      },
    });
    expect(created.status).toBe(200);
    const found = await (
      await call(`/wiki/api/v2/blogposts?space-id=${PAGE.spaceId}&title=Diese%20Woche`)
    ).json();
    expect(found.results).toMatchObject([{ title: 'Diese Woche', authorId: SIGNED_IN.accountId }]);
  });

  it('tells well-formed storage from text that was not escaped', () => {
    expect(isWellFormedStorage('<p>a<br />b</p><p>&#60;b&#62;Eve</p>')).toBe(true);
    expect(isWellFormedStorage('<p>a < b</p>')).toBe(false);
    expect(isWellFormedStorage('<p><b>x</p></b>')).toBe(false);
    expect(isWellFormedStorage('<p>open')).toBe(false);
  });

  it('answers in the shapes the adapter reads (its zod schemas)', async () => {
    CreatedSchema.parse(await (await reply('<p>Danke!</p>')).json());
    CommentsSchema.parse(
      await (await call(`/wiki/api/v2/footer-comments/${COMMENT}/children?body-format=storage`)).json(),
    );
    CurrentUserSchema.parse(await (await call('/wiki/rest/api/user/current')).json());
    SpacesSchema.parse(await (await call('/wiki/api/v2/spaces?keys=WOL')).json());
    BlogPostsSchema.parse(await (await call(`/wiki/api/v2/blogposts?space-id=${PAGE.spaceId}`)).json());
    confluence.forbidComments();
    expect(reasonOf(await (await reply('<p>Danke!</p>')).json())).toBe(
      'You do not have permission to comment on this page.',
    );
  });
});
