import { z } from 'zod/mini';
import type { DeliveryResult } from '../../messages/background-to-content';
import { classifyStatus } from '../../sync/classify';
import type { PageApi } from '../types';

/**
 * The demo intranet's JSON API (demo-intranet/api.mjs): session cookie plus `X-CSRF-Token`. Threads are
 * checked one level at a time (`replies` as unknown, each reply parsed when reached): a recursive
 * schema would cost every content script a kilobyte more.
 */
const ApiPostSchema = z.object({
  id: z.string(),
  parentId: z.optional(z.union([z.string(), z.null()])),
  author: z.object({ id: z.string() }),
  createdAt: z.string(),
  body: z.string(),
  replies: z.array(z.unknown()),
});
type ApiPost = z.infer<typeof ApiPostSchema>;
const MeSchema = z.object({ id: z.string() });
const PageSchema = z.object({ posts: z.array(ApiPostSchema) });
const ErrorSchema = z.object({ error: z.string() });

const TIMEOUT_MS = 20_000;

function csrfToken(): string {
  return document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
}

async function getJson<T>(path: string, schema: z.ZodMiniType<T>): Promise<T | undefined> {
  const response = await fetch(path, { credentials: 'same-origin', signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) return undefined;
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? parsed.data : undefined;
}

async function write(path: string, text: string): Promise<DeliveryResult> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() },
    body: JSON.stringify({ body: text }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const json: unknown = await response.json().catch(() => undefined);
  const kind = classifyStatus(response.status);
  if (kind === 'ok') {
    const created = ApiPostSchema.safeParse(json);
    // Accepted, but we cannot tell what: look for it before writing again.
    return created.success
      ? { ok: true, remoteId: created.data.id }
      : { ok: false, kind: 'uncertain', reason: `HTTP ${response.status}: unreadable response` };
  }
  const error = ErrorSchema.safeParse(json);
  const retryAfter = Number(response.headers.get('Retry-After'));
  return {
    ok: false,
    kind,
    reason: `HTTP ${response.status}: ${error.success ? error.data.error : response.statusText}`,
    retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
  };
}

function* walk(post: ApiPost): Generator<ApiPost> {
  yield post;
  for (const raw of post.replies) {
    const reply = ApiPostSchema.safeParse(raw);
    if (reply.success) yield* walk(reply.data);
  }
}

/** Ours, with this text, since then: the demo server stores bodies trimmed. */
function isOurs(post: ApiPost, me: string, text: string, since: number): boolean {
  return post.author.id === me && post.body === text.trim() && Date.parse(post.createdAt) >= since - 60_000;
}

export const demoApi: PageApi = {
  reply: (post, text) => write(`/api/posts/${encodeURIComponent(post.postId)}/replies`, text),
  createPost: (text) => write('/api/posts', text),
  async findOwnWrite(post, text, since) {
    const me = await getJson('/api/me', MeSchema);
    if (!me) throw new Error('cannot tell who is signed in');
    if (!post) {
      const page = await getJson('/api/posts?page=1', PageSchema);
      return page?.posts.find((candidate) => isOurs(candidate, me.id, text, since))?.id;
    }
    // Replies deeper than two levels are attached higher up: search the whole thread.
    let root = await getJson(`/api/posts/${encodeURIComponent(post.postId)}`, ApiPostSchema);
    while (root?.parentId)
      root = await getJson(`/api/posts/${encodeURIComponent(root.parentId)}`, ApiPostSchema);
    if (!root) throw new Error('cannot read the thread');
    for (const candidate of walk(root))
      if (candidate.id !== post.postId && isOurs(candidate, me.id, text, since)) return candidate.id;
    return undefined;
  },
};
