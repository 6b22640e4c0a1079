import { z } from 'zod/mini';
import type { DeliveryResult } from '../../messages/background-to-content';
import { classifyStatus } from '../../sync/classify';
import type { PageApi } from '../types';
import { repliesToMe } from './replies-to-me';
import { plain, rest } from './rest';

/**
 * WordPress core REST API with the signed-in user's cookie and a fresh `X-WP-Nonce` (HOSTS.md): a
 * thank-you is a comment replying to the thanked comment (or to the post itself).
 */
const CommentSchema = z.object({
  id: z.number(),
  post: z.number(),
  content: z.object({ rendered: z.string() }),
});
const MeSchema = z.object({ id: z.number() });
const ErrorSchema = z.object({ message: z.string() });

async function failure(response: Response): Promise<DeliveryResult> {
  const error = ErrorSchema.safeParse(await response.json().catch(() => undefined));
  const kind = classifyStatus(response.status);
  return {
    ok: false,
    kind: kind === 'ok' ? 'uncertain' : kind,
    reason: `HTTP ${response.status}: ${error.success ? error.data.message : response.statusText}`,
  };
}

/** `comment-12` → the WordPress post and the parent comment a reply belongs under. */
async function targetOf(postId: string): Promise<{ post: number; parent: number } | DeliveryResult> {
  const [kind, id] = postId.split('-');
  const number = Number(id);
  if (!Number.isInteger(number))
    return { ok: false, kind: 'permanent', reason: `unknown WordPress item ${postId}` };
  if (kind === 'post') return { post: number, parent: 0 };
  const response = await rest(`wp/v2/comments/${number}`);
  if (!response.ok) return failure(response);
  const comment = CommentSchema.safeParse(await response.json().catch(() => undefined));
  if (!comment.success) return { ok: false, kind: 'retry', reason: 'unreadable comment from WordPress' };
  return { post: comment.data.post, parent: number };
}

export const wordpressApi: PageApi = {
  async reply(post, text) {
    const target = await targetOf(post.postId);
    if ('ok' in target) return target;
    const response = await rest('wp/v2/comments', { method: 'POST', body: { ...target, content: text } });
    if (!response.ok) return failure(response);
    const created = CommentSchema.safeParse(await response.json().catch(() => undefined));
    return created.success
      ? { ok: true, remoteId: `comment-${created.data.id}` }
      : { ok: false, kind: 'uncertain', reason: `HTTP ${response.status}: unreadable response` };
  },
  async createPost() {
    // Writing new blog posts needs an author's rights most intranet readers lack; not offered yet.
    return { ok: false, kind: 'permanent', reason: 'WordPress: new posts are not supported yet' };
  },
  async findOwnWrite(post, text, since) {
    if (!post) return undefined;
    const target = await targetOf(post.postId);
    if ('ok' in target) throw new Error(target.ok ? 'unexpected' : target.reason);
    const meResponse = await rest('wp/v2/users/me');
    const me = MeSchema.safeParse(await meResponse.json().catch(() => undefined));
    if (!me.success) throw new Error('cannot tell who is signed in');
    const after = new Date(since - 60_000).toISOString();
    const query = `post=${target.post}&parent=${target.parent}&author=${me.data.id}&after=${encodeURIComponent(after)}&per_page=100`;
    const response = await rest(`wp/v2/comments?${query}`);
    const comments = z.array(CommentSchema).safeParse(await response.json().catch(() => undefined));
    if (!response.ok || !comments.success) throw new Error('cannot read the comments');
    const wanted = plain(text);
    const ours = comments.data.find((comment) => plain(comment.content.rendered) === wanted);
    return ours ? `comment-${ours.id}` : undefined;
  },
  repliesToMe,
};
