import type { z } from 'zod/mini';
import type { DeliveryResult } from '../../messages/background-to-content';
import { failureOf, type HostResponse, isOk, pageFetch, readParsed } from '../page-fetch';
import type { PageApi } from '../types';
import {
  BlogPostsSchema,
  CommentsSchema,
  CreatedSchema,
  CurrentUserSchema,
  reasonOf,
  SpacesSchema,
} from './api-schemas';
import { mentionsToMe } from './mentions-cloud';
import { storageOf, wordsOf } from './storage';

/**
 * Confluence Cloud's REST API v2 as the signed-in user (HOSTS.md): same-origin session; a JSON request
 * passes Atlassian's XSRF filter without a token. A thank-you is a reply to the comment (a footer comment
 * with `parentCommentId`); a new post is a blog post in the space named by the target, else this page's.
 */
const NAME = 'Confluence';
const V2 = '/wiki/api/v2';

const fail = (response: HostResponse) => failureOf(response, NAME, reasonOf(response.json));
const read = <T>(path: string, schema: z.ZodMiniType<T>) => readParsed(path, schema, NAME, reasonOf);

const sameText = (storage: string | undefined, text: string) =>
  storage !== undefined && wordsOf(storage) === wordsOf(storageOf(text));

/** Confluence needs a title for a blog post: the first line of the text. */
const titleOf = (text: string) => (text.trim().split('\n')[0] ?? '').trim().slice(0, 255);

async function spaceIdOf(target: string | undefined): Promise<string> {
  const key =
    target?.trim() || document.querySelector('meta[name="ajs-space-key"]')?.getAttribute('content') || '';
  if (!key) throw new Error(`${NAME}: name the space to post in`);
  const spaces = await read(`${V2}/spaces?keys=${encodeURIComponent(key)}`, SpacesSchema);
  const space = spaces.results.find((candidate) => candidate.key === key);
  if (!space) throw new Error(`${NAME}: there is no space ${key}`);
  return space.id;
}

async function create(path: string, body: Record<string, unknown>): Promise<DeliveryResult> {
  const response = await pageFetch(path, { method: 'POST', json: body });
  if (!isOk(response)) return fail(response);
  const created = CreatedSchema.safeParse(response.json);
  return created.success ? { ok: true, remoteId: created.data.id } : fail(response);
}

export const cloudApi: PageApi = {
  async reply(post, text) {
    if (!/^\d+$/.test(post.postId))
      return { ok: false, kind: 'permanent', reason: `${NAME}: unknown comment ${post.postId}` };
    return create(`${V2}/footer-comments`, {
      parentCommentId: post.postId,
      body: { representation: 'storage', value: storageOf(text) },
    });
  },
  async createPost(text, target) {
    let spaceId: string;
    try {
      spaceId = await spaceIdOf(target);
    } catch (error) {
      // Nothing was written yet: a space that cannot be found is for the user to correct.
      return { ok: false, kind: 'permanent', reason: error instanceof Error ? error.message : String(error) };
    }
    return create(`${V2}/blogposts`, {
      spaceId,
      status: 'current',
      title: titleOf(text),
      body: { representation: 'storage', value: storageOf(text) },
    });
  },
  async findOwnWrite(post, text, since, target) {
    const me = (await read('/wiki/rest/api/user/current', CurrentUserSchema)).accountId;
    const recent = (at: string) => Date.parse(at) >= since - 60_000;
    if (!post) {
      const spaceId = await spaceIdOf(target);
      const query = `space-id=${spaceId}&title=${encodeURIComponent(titleOf(text))}`;
      const posts = await read(`${V2}/blogposts?${query}`, BlogPostsSchema);
      return posts.results.find((blog) => blog.authorId === me && recent(blog.createdAt))?.id;
    }
    const children = await read(
      `${V2}/footer-comments/${encodeURIComponent(post.postId)}/children?body-format=storage&limit=250`,
      CommentsSchema,
    );
    return children.results.find(
      (comment) =>
        comment.version.authorId === me &&
        recent(comment.version.createdAt) &&
        sameText(comment.body?.storage?.value, text),
    )?.id;
  },
  repliesToMe: mentionsToMe,
};
