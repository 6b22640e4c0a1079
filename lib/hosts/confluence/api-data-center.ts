import type { z } from 'zod/mini';
import type { PostRef } from '../../db/schemas';
import { failureOf, type HostResponse, isOk, pageFetch, readParsed } from '../page-fetch';
import type { PageApi } from '../types';
import { DcCommentsSchema, DcContentSchema, DcCurrentUserSchema, reasonOf } from './api-schemas';
import { storageOf, wordsOf } from './storage';

/**
 * Confluence Data Center's REST API (v1) as the signed-in user: same-origin session; JSON passes the XSRF
 * filter. A thank-you is a comment on the thanked comment's page, with that comment as its ancestor.
 */
const NAME = 'Confluence';

const fail = (response: HostResponse) => failureOf(response, NAME, reasonOf(response.json));

/** Sites served below a context path (`https://host/confluence/…`) have their API there too. */
function restRoot(): string {
  const context =
    document.querySelector('meta[name="confluence-context-path"]')?.getAttribute('content')?.trim() ?? '';
  return `${context.replace(/\/+$/, '')}/rest/api`;
}

const read = <T>(path: string, schema: z.ZodMiniType<T>) =>
  readParsed(`${restRoot()}${path}`, schema, NAME, reasonOf);

/** The page a comment is on. */
async function pageOf(post: PostRef): Promise<string> {
  const comment = await read(`/content/${encodeURIComponent(post.postId)}?expand=container`, DcContentSchema);
  if (!comment.container) throw new Error(`${NAME}: comment ${post.postId} is on no page`);
  return comment.container.id;
}

export const dataCenterApi: PageApi = {
  async reply(post, text) {
    if (!/^\d+$/.test(post.postId))
      return { ok: false, kind: 'permanent', reason: `${NAME}: unknown comment ${post.postId}` };
    const lookup = await pageFetch(`${restRoot()}/content/${post.postId}?expand=container`);
    const comment = DcContentSchema.safeParse(lookup.json);
    if (!isOk(lookup) || !comment.success || !comment.data.container) return fail(lookup);
    const response = await pageFetch(`${restRoot()}/content`, {
      method: 'POST',
      json: {
        type: 'comment',
        container: { id: comment.data.container.id, type: 'page' },
        ancestors: [{ id: post.postId }],
        body: { storage: { value: storageOf(text), representation: 'storage' } },
      },
    });
    if (!isOk(response)) return fail(response);
    const created = DcContentSchema.safeParse(response.json);
    return created.success ? { ok: true, remoteId: created.data.id } : fail(response);
  },
  async createPost() {
    return { ok: false, kind: 'permanent', reason: `${NAME} Data Center: new posts are not supported yet` };
  },
  async findOwnWrite(post, text, since) {
    if (!post) return undefined;
    const me = (await read('/user/current', DcCurrentUserSchema)).username;
    const page = await pageOf(post);
    const comments = await read(
      `/content/${page}/child/comment?expand=body.storage,history,ancestors&depth=all&limit=500`,
      DcCommentsSchema,
    );
    const wanted = wordsOf(storageOf(text));
    return comments.results.find(
      (comment) =>
        comment.ancestors.at(-1)?.id === post.postId &&
        comment.history.createdBy.username === me &&
        Date.parse(comment.history.createdDate) >= since - 60_000 &&
        wordsOf(comment.body.storage.value) === wanted,
    )?.id;
  },
};
