import type { z } from 'zod/mini';
import type { DeliveryResult } from '../../messages/background-to-content';
import { failureOf, type HostResponse, isOk, pageFetch, readParsed } from '../page-fetch';
import type { PageApi } from '../types';
import { AppErrorSchema, ChannelSchema, MeSchema, PostListSchema, PostSchema } from './api-schemas';

/**
 * Mattermost's API v4 as the signed-in user (HOSTS.md): the `MMAUTHTOKEN` session cookie counts only on
 * requests marked `X-Requested-With: XMLHttpRequest`, and writes carry the `MMCSRF` cookie's value as
 * `X-CSRF-Token`. A thank-you is a reply in the post's thread; a new post goes to a channel.
 */
const NAME = 'Mattermost';
/** Mattermost ids (posts, channels, users): 26 lower-case letters and digits. */
const MATTERMOST_ID = /^[a-z0-9]{26}$/;

const reasonOf = (json: unknown) => {
  const error = AppErrorSchema.safeParse(json);
  return error.success ? error.data.message : undefined;
};
const fail = (response: HostResponse) => failureOf(response, NAME, reasonOf(response.json));

const XHR = { 'X-Requested-With': 'XMLHttpRequest' };

function csrfToken(): string {
  const cookie = document.cookie.split(';').find((pair) => pair.trim().startsWith('MMCSRF='));
  return cookie ? decodeURIComponent(cookie.trim().slice('MMCSRF='.length)) : '';
}

/** Servers under a subpath (`https://host/chat/team/...`) have their API there too. */
function apiRoot(): string {
  const base = /^(.*?)\/[^/]+\/(?:channels|threads|pl|messages)\//.exec(location.pathname)?.[1] ?? '';
  return `${base}/api/v4`;
}

const read = <T>(path: string, schema: z.ZodMiniType<T>) =>
  readParsed(`${apiRoot()}${path}`, schema, NAME, reasonOf, XHR);

async function createPost(body: {
  channel_id: string;
  message: string;
  root_id?: string;
}): Promise<DeliveryResult> {
  const response = await pageFetch(`${apiRoot()}/posts`, {
    method: 'POST',
    headers: { ...XHR, 'X-CSRF-Token': csrfToken() },
    json: body,
  });
  if (!isOk(response)) return fail(response);
  const created = PostSchema.safeParse(response.json);
  return created.success ? { ok: true, remoteId: created.data.id } : fail(response);
}

/** The channel a new post goes to: the target (an id, or a channel name in this team), else this one. */
async function channelFor(target: string | undefined): Promise<string> {
  if (target && MATTERMOST_ID.test(target)) return target;
  const place = /\/([^/]+)\/(channels|threads|pl|messages)\/([^/]+)/.exec(location.pathname);
  const team = place?.[1];
  const name = target?.replace(/^[~#]/, '') || (place?.[2] === 'channels' ? place[3] : undefined);
  if (!team || !name) throw new Error(`${NAME}: open a channel, or name one to post in`);
  const path = `/teams/name/${encodeURIComponent(team)}/channels/name/${encodeURIComponent(name)}`;
  return (await read(path, ChannelSchema)).id;
}

export const mattermostApi: PageApi = {
  async reply(post, text) {
    if (!MATTERMOST_ID.test(post.postId))
      return { ok: false, kind: 'permanent', reason: `${NAME}: unknown post ${post.postId}` };
    const response = await pageFetch(`${apiRoot()}/posts/${post.postId}`, { headers: XHR });
    if (!isOk(response)) return fail(response);
    const parent = PostSchema.safeParse(response.json);
    if (!parent.success) return { ok: false, kind: 'retry', reason: `${NAME}: unreadable post` };
    // Threads are flat: a reply to a reply joins the thread's root.
    return createPost({
      channel_id: parent.data.channel_id,
      message: text,
      root_id: parent.data.root_id || parent.data.id,
    });
  },
  async createPost(text, target) {
    let channelId: string;
    try {
      channelId = await channelFor(target);
    } catch (error) {
      // Nothing was written yet: a channel that cannot be found is for the user to correct.
      return { ok: false, kind: 'permanent', reason: error instanceof Error ? error.message : String(error) };
    }
    return createPost({ channel_id: channelId, message: text });
  },
  async findOwnWrite(post, text, since, target) {
    const me = await read('/users/me', MeSchema);
    const after = since - 60_000;
    let list: z.infer<typeof PostListSchema>;
    let rootId = '';
    if (post) {
      const parent = await read(`/posts/${encodeURIComponent(post.postId)}`, PostSchema);
      rootId = parent.root_id || parent.id;
      list = await read(`/posts/${rootId}/thread`, PostListSchema);
    } else {
      list = await read(`/channels/${await channelFor(target)}/posts?since=${after}`, PostListSchema);
    }
    const ours = list.order
      .map((id) => list.posts[id])
      .find(
        (candidate) =>
          candidate?.user_id === me.id &&
          candidate.root_id === rootId &&
          candidate.create_at >= after &&
          candidate.message === text,
      );
    return ours?.id;
  },
};
