import type { z } from 'zod/mini';
import type { PostRef } from '../../db/schemas';
import type { DeliveryResult } from '../../messages/background-to-content';
import { failureOf, type HostResponse, isOk, pageFetch, readParsed } from '../page-fetch';
import type { PageApi } from '../types';
import { CollectionSchema, CreatedSchema, ErrorSchema, ProfileSchema } from './api-schemas';
import { entryIdOf } from './entry-id';
import { selectors } from './selectors';

/**
 * HCL Connections' OpenSocial microblog API as the signed-in user (HOSTS.md): the session cookie, and
 * `X-Update-Nonce` on every write (Connections' guard against cross-site posts). A thank-you is a comment
 * on the status update; comments are flat, so thanking a comment comments on its status update. A new
 * post goes on the user's own board, or a community's when the target names one.
 */
const NAME = 'HCL Connections';
const UBLOG = '/connections/opensocial/rest/ublog';

const reasonOf = (json: unknown) => {
  const error = ErrorSchema.safeParse(json);
  return error.success ? error.data.error.message : undefined;
};
const fail = (response: HostResponse) => failureOf(response, NAME, reasonOf(response.json));
const read = <T>(path: string, schema: z.ZodMiniType<T>) => readParsed(path, schema, NAME, reasonOf);

/**
 * The status update a thank-you comments on, and whose board it is on. The API names no parent for a
 * comment, so a comment's status update is read from the page; a post not shown as a comment here is
 * taken as a status update on its author's board (Connections refuses it if that is wrong).
 */
function statusOf(post: PostRef): { boardOwner: string; statusId: string } | undefined {
  const comment = document.getElementById(`comment-${post.postId}`);
  if (!comment) return { boardOwner: post.author.id ?? '@all', statusId: post.postId };
  const parent = comment.closest(selectors.newsItem);
  const statusId = entryIdOf(parent?.getAttribute('data-rollupid'));
  const owner = parent?.querySelector('.x-lconn-userid')?.textContent?.trim();
  return statusId ? { boardOwner: owner || '@all', statusId } : undefined;
}

/** A community's board when the target names one (its id), else the user's own. */
function boardOf(target: string | undefined): string {
  const community = target?.trim();
  return community ? `urn:lsid:lconn.ibm.com:communities.community:${encodeURIComponent(community)}` : '@me';
}

const commentsPath = (status: { boardOwner: string; statusId: string }) =>
  `${UBLOG}/${encodeURIComponent(status.boardOwner)}/@all/${encodeURIComponent(status.statusId)}/comments`;

async function write(path: string, text: string): Promise<DeliveryResult> {
  const response = await pageFetch(path, {
    method: 'POST',
    // Any value passes; Connections only checks that a script, not a cross-site form, sent it.
    headers: { 'X-Update-Nonce': String(Date.now()) },
    json: { content: text },
  });
  if (!isOk(response)) return fail(response);
  const created = CreatedSchema.safeParse(response.json);
  const id = created.success ? entryIdOf(created.data.entry.id) : undefined;
  return id ? { ok: true, remoteId: id } : fail(response);
}

export const connectionsApi: PageApi = {
  async reply(post, text) {
    const status = statusOf(post);
    if (!status)
      return {
        ok: false,
        kind: 'permanent',
        reason: `${NAME}: open the page that shows this post, then try again`,
      };
    return write(commentsPath(status), text);
  },
  createPost: (text, target) => write(`${UBLOG}/${boardOf(target)}/@all`, text),
  async findOwnWrite(post, text, since, target) {
    const me = entryIdOf(
      (await read('/connections/opensocial/rest/people/@me/@self', ProfileSchema)).entry.id,
    );
    let path = `${UBLOG}/${boardOf(target)}/@all`;
    if (post) {
      const status = statusOf(post);
      if (!status) throw new Error(`${NAME}: the post is not on this page`);
      path = commentsPath(status);
    }
    const entries = await read(`${path}?count=100`, CollectionSchema);
    const ours = entries.list.find(
      (entry) =>
        entryIdOf(entry.author.id) === me &&
        entry.content.trim() === text.trim() &&
        Date.parse(entry.published) >= since - 60_000,
    );
    return ours ? entryIdOf(ours.id) : undefined;
  },
};
