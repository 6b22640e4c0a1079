import { z } from 'zod/mini';
import { TokenRejectedError, type TokenSession } from '../../auth/token-rejected';
import type { DeliveryResult } from '../../messages/background-to-content';
import { retryAfterMs } from '../../sync/backoff';
import { sortTargets, type Target, TargetLookupError } from '../../targets/target';
import type { PageApi } from '../types';

/**
 * Slack's Web API with a user token (HOSTS.md; never the web client's own token): a thank-you is
 * `chat.postMessage` into the message's thread, a WOL post one without `thread_ts`.
 */
export const SLACK_API = 'https://slack.com/api';

const TIMEOUT_MS = 20_000;

/** Slack answers HTTP 200 with `ok: false` and an error code (429 only for `ratelimited`). */
const ReplySchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
const MessageSchema = z.object({
  ts: z.string(),
  user: z.optional(z.string()),
  text: z.optional(z.string()),
  thread_ts: z.optional(z.string()),
});
const PostedSchema = z.object({ ok: z.literal(true), channel: z.string(), ts: z.string() });
const MessagesSchema = z.object({ ok: z.literal(true), messages: z.array(MessageSchema) });
const SearchSchema = z.object({
  ok: z.literal(true),
  messages: z.object({
    matches: z.array(z.object({ ...MessageSchema.shape, channel: z.object({ id: z.string() }) })),
  }),
});
/** One page of `users.conversations`; an empty `next_cursor` ends the list. */
export const ConversationsSchema = z.object({
  ok: z.literal(true),
  channels: z.array(z.object({ id: z.string().check(z.minLength(1)), name: z.string() })),
  response_metadata: z.optional(z.object({ next_cursor: z.optional(z.string()) })),
});
export const AuthTestSchema = z.object({
  ok: z.literal(true),
  user_id: z.string(),
  user: z.string(),
  team_id: z.string(),
});

/** The token itself is refused: refresh it (or ask the user to connect again). */
const AUTH_ERRORS = new Set([
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'token_expired',
]);
/** Slack's side failed; the write did not happen. */
const RETRY_ERRORS = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable']);

type Call = { response: Response; json: unknown };

export async function call(
  session: TokenSession,
  method: string,
  args: Record<string, string>,
): Promise<Call> {
  // A form with the token in it, no other header: a "simple" cross-origin request. Slack's Web API allows
  // any origin but answers no preflight, so an `Authorization` header would be refused outside Slack.
  const response = await session.fetch(`${SLACK_API}/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...args, token: session.token }).toString(),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const json: unknown = await response.json().catch(() => undefined);
  const reply = ReplySchema.safeParse(json);
  if (reply.success && !reply.data.ok && AUTH_ERRORS.has(reply.data.error))
    throw new TokenRejectedError(`Slack: ${reply.data.error}`);
  return { response, json };
}

function failure({ response, json }: Call, method: string): DeliveryResult | undefined {
  const reply = ReplySchema.safeParse(json);
  if (response.status === 429 || (reply.success && !reply.data.ok && reply.data.error === 'ratelimited'))
    return {
      ok: false,
      kind: 'retry',
      reason: `Slack: ${method}: ratelimited`,
      retryAfterMs: retryAfterMs(response.headers.get('Retry-After'), Date.now()),
    };
  if (response.status >= 500) return { ok: false, kind: 'retry', reason: `Slack: HTTP ${response.status}` };
  if (!reply.success) return undefined;
  if (reply.data.ok) return undefined;
  const error = reply.data.error;
  return {
    ok: false,
    kind: RETRY_ERRORS.has(error) ? 'retry' : 'permanent',
    reason: `Slack: ${method}: ${error}`,
  };
}

/** `C06WOLNORD:1795336860.011900` → channel and message timestamp. */
function parsePostId(postId: string): { channel: string; ts: string } | undefined {
  const m = /^([CDG][A-Z0-9]+):(\d+\.\d+)$/.exec(postId);
  return m?.[1] && m[2] ? { channel: m[1], ts: m[2] } : undefined;
}

/** Slack escapes `&`, `<` and `>` in stored text. */
export function plainText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The thread a message belongs to: a reply must go to its thread's root, not to another reply. */
async function threadRoot(session: TokenSession, channel: string, ts: string) {
  const result = await call(session, 'conversations.replies', { channel, ts, limit: '1' });
  const failed = failure(result, 'conversations.replies');
  if (failed) return failed;
  const root = MessagesSchema.safeParse(result.json).data?.messages[0];
  if (!root) return { ok: false, kind: 'retry', reason: 'Slack: unreadable thread' } satisfies DeliveryResult;
  return { root: root.thread_ts ?? root.ts };
}

async function post(session: TokenSession, args: Record<string, string>): Promise<DeliveryResult> {
  const result = await call(session, 'chat.postMessage', args);
  const failed = failure(result, 'chat.postMessage');
  if (failed) return failed;
  const posted = PostedSchema.safeParse(result.json);
  return posted.success
    ? { ok: true, remoteId: `${posted.data.channel}:${posted.data.ts}` }
    : { ok: false, kind: 'uncertain', reason: `Slack: HTTP ${result.response.status}: unreadable response` };
}

/** Who a token belongs to. */
export async function slackAuthTest(session: Omit<TokenSession, 'userId'>) {
  const result = await call({ ...session, userId: '' }, 'auth.test', {});
  const me = AuthTestSchema.safeParse(result.json);
  if (!me.success) throw new Error(`Slack: auth.test: HTTP ${result.response.status}`);
  return { id: me.data.user_id, name: me.data.user, team: me.data.team_id };
}

/** Revokes the token's grant (disconnecting the account). */
export async function slackRevoke(session: Omit<TokenSession, 'userId'>): Promise<void> {
  const result = await call({ ...session, userId: '' }, 'auth.revoke', {});
  if (!z.object({ ok: z.literal(true), revoked: z.boolean() }).safeParse(result.json).success)
    throw new Error(`Slack: auth.revoke: HTTP ${result.response.status}`);
}

/** Pages read at most: 5 × 200 channels is more than anyone picks from. */
const CHANNEL_PAGES_MAX = 5;

/**
 * The channels the user is a member of (`users.conversations`, scopes `channels:read` and
 * `groups:read`), archived ones left out, as `#name`. Throws `TokenRejectedError` for a refused token
 * and `TargetLookupError` for any other failure.
 */
export async function slackChannels(session: TokenSession): Promise<Target[]> {
  const found: Target[] = [];
  let cursor = '';
  for (let page = 0; page < CHANNEL_PAGES_MAX; page++) {
    const result = await call(session, 'users.conversations', {
      types: 'public_channel,private_channel',
      exclude_archived: 'true',
      limit: '200',
      ...(cursor ? { cursor } : {}),
    });
    const failed = failure(result, 'users.conversations');
    // Refused too: a token without the listing scopes (`missing_scope`: connected before Rückenwind
    // asked for them).
    if (failed && !failed.ok)
      throw new TargetLookupError(failed.kind === 'retry' ? 'unreachable' : 'refused', failed.reason);
    const parsed = ConversationsSchema.safeParse(result.json);
    if (!parsed.success)
      throw new TargetLookupError(
        'unreadable',
        `Slack: users.conversations: HTTP ${result.response.status}: unreadable response`,
      );
    for (const channel of parsed.data.channels)
      if (channel.name) found.push({ id: channel.id, name: `#${channel.name}`.slice(0, 200) });
    cursor = parsed.data.response_metadata?.next_cursor ?? '';
    if (!cursor) break;
  }
  return sortTargets(found);
}

export function slackApi(session: TokenSession): PageApi {
  return {
    async reply(target, text) {
      const ref = parsePostId(target.postId);
      if (!ref) return { ok: false, kind: 'permanent', reason: `Slack: unknown message ${target.postId}` };
      const thread = await threadRoot(session, ref.channel, ref.ts);
      if ('ok' in thread) return thread;
      return post(session, { channel: ref.channel, text, thread_ts: thread.root });
    },
    async createPost(text, channel) {
      if (!channel) return { ok: false, kind: 'permanent', reason: 'Slack: no channel chosen' };
      return post(session, { channel, text });
    },
    async findOwnWrite(target, text, since) {
      const after = since - 60_000;
      const wanted = text.trim();
      const isOurs = (m: { ts: string; user?: string | undefined; text?: string | undefined }) =>
        m.user === session.userId &&
        Number(m.ts) * 1000 >= after &&
        plainText(m.text ?? '').trim() === wanted;
      if (!target) {
        // A new post: the user's own messages with this text, found by search.
        const result = await call(session, 'search.messages', {
          query: wanted,
          sort: 'timestamp',
          count: '20',
        });
        const found = SearchSchema.safeParse(result.json);
        if (!found.success) throw new Error(`Slack: search.messages: HTTP ${result.response.status}`);
        const ours = found.data.messages.matches.find(isOurs);
        return ours ? `${ours.channel.id}:${ours.ts}` : undefined;
      }
      const ref = parsePostId(target.postId);
      if (!ref) return undefined;
      const thread = await threadRoot(session, ref.channel, ref.ts);
      if ('ok' in thread) throw new Error(thread.ok ? 'unexpected' : thread.reason);
      const result = await call(session, 'conversations.replies', {
        channel: ref.channel,
        ts: thread.root,
        oldest: (after / 1000).toFixed(6),
      });
      const messages = MessagesSchema.safeParse(result.json);
      if (!messages.success) throw new Error(`Slack: conversations.replies: HTTP ${result.response.status}`);
      const ours = messages.data.messages.find((m) => m.ts !== ref.ts && isOurs(m));
      return ours ? `${ref.channel}:${ours.ts}` : undefined;
    },
  };
}
