import type { z } from 'zod/mini';
import type { PostRef } from '../../db/schemas';
import type { DeliveryResult } from '../../messages/background-to-content';
import { failureOf, type HostResponse, isOk, pageFetch, readParsed } from '../page-fetch';
import type { PageApi } from '../types';
import {
  CreatedPostSchema,
  CreatedTopicsSchema,
  ErrorSchema,
  PostSourceSchema,
  RepliesSchema,
} from './api-schemas';
import { currentUserOf } from './current-user';

/**
 * Discourse's REST API as the signed-in user (HOSTS.md): session cookie plus the `X-CSRF-Token` Discourse
 * prints into every page. A thank-you is a reply to the post (`reply_to_post_number`); a new post is a
 * new topic.
 */
const NAME = 'Discourse';
/** Discourse's default `max_topic_title_length`. */
const TITLE_MAX = 255;

function csrfToken(): string {
  return document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
}

function reasonOf(json: unknown): string | undefined {
  const error = ErrorSchema.safeParse(json);
  if (!error.success) return undefined;
  return (Array.isArray(error.data) ? error.data : error.data.errors).join(' ') || undefined;
}

const fail = (response: HostResponse) => failureOf(response, NAME, reasonOf(response.json));

/** `/t/{slug}/{topicId}/{postNumber}` (lib/hosts/discourse/permalink.ts). */
function positionOf(post: PostRef): { topicId: number; postNumber: number } | undefined {
  const match = post.permalink && /\/t\/[^/]+\/(\d+)\/(\d+)$/.exec(new URL(post.permalink).pathname);
  return match ? { topicId: Number(match[1]), postNumber: Number(match[2]) } : undefined;
}

function me(): { id: string; username: string } {
  const user = currentUserOf(document, new URL(location.href));
  const username = user?.profileUrl && decodeURIComponent(user.profileUrl.replace(/^.*\/u\//, ''));
  if (!user?.id || !username) throw new Error(`${NAME}: nobody is signed in on this page`);
  return { id: user.id, username };
}

/** Discourse needs a title for a new topic: the first line of the text. */
function titleOf(text: string): string {
  return (text.trim().split('\n')[0] ?? '').trim().slice(0, TITLE_MAX);
}

async function write(
  body: Record<string, unknown>,
  idOf: (post: { id: number; topic_id: number }) => string,
) {
  const response = await pageFetch('/posts.json', {
    method: 'POST',
    headers: { 'X-CSRF-Token': csrfToken(), 'X-Requested-With': 'XMLHttpRequest' },
    json: body,
  });
  if (!isOk(response)) return fail(response);
  const created = CreatedPostSchema.safeParse(response.json);
  return created.success ? ({ ok: true, remoteId: idOf(created.data) } as const) : fail(response);
}

const read = <T>(path: string, schema: z.ZodMiniType<T>) => readParsed(path, schema, NAME, reasonOf);

export const discourseApi: PageApi = {
  async reply(post, text): Promise<DeliveryResult> {
    const position = positionOf(post);
    if (!position) return { ok: false, kind: 'permanent', reason: `${NAME}: the post has no topic address` };
    return write(
      { topic_id: position.topicId, raw: text, reply_to_post_number: position.postNumber },
      (created) => `post-${created.id}`,
    );
  },
  // The adapter names no post target for Discourse: a new topic goes where the site puts uncategorised
  // ones, and a site that insists on a category says so (shown to the user as its reason).
  createPost: (text) => write({ title: titleOf(text), raw: text }, (created) => `topic-${created.topic_id}`),
  async findOwnWrite(post, text, since) {
    const user = me();
    const recent = (createdAt: string) => Date.parse(createdAt) >= since - 60_000;
    if (!post) {
      const title = titleOf(text);
      const list = await read(
        `/topics/created-by/${encodeURIComponent(user.username)}.json`,
        CreatedTopicsSchema,
      );
      const ours = list.topic_list.topics.find((topic) => topic.title === title && recent(topic.created_at));
      return ours ? `topic-${ours.id}` : undefined;
    }
    const replies = await read(`/posts/${encodeURIComponent(post.postId)}/replies.json`, RepliesSchema);
    for (const reply of replies) {
      if (String(reply.user_id) !== user.id || !recent(reply.created_at)) continue;
      // Discourse keeps the source as sent, minus surrounding white space.
      const source = await read(`/posts/${reply.id}.json`, PostSourceSchema);
      if (source.raw.trim() === text.trim()) return `post-${reply.id}`;
    }
    return undefined;
  },
};
