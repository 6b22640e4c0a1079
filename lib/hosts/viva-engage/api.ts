import { z } from 'zod/mini';
import { TokenRejectedError, type TokenSession } from '../../auth/token-rejected';
import type { DeliveryResult } from '../../messages/background-to-content';
import { retryAfterMs } from '../../sync/backoff';
import { classifyStatus } from '../../sync/classify';
import { sortTargets, type Target, TargetLookupError } from '../../targets/target';
import type { PageApi } from '../types';

/**
 * Viva Engage's REST API (the legacy Yammer one, HOSTS.md), called from the background with an Entra
 * bearer token: a thank-you is a message with `replied_to_id`, a WOL post one with `group_id`.
 */
export const VIVA_ENGAGE_API = 'https://www.yammer.com/api/v1';

const TIMEOUT_MS = 20_000;

/** Ids are 64-bit integers; kept as strings (see `quoteLongIds`). */
export const IdSchema = z.pipe(
  z.union([z.string().check(z.regex(/^\d{1,20}$/)), z.int().check(z.nonnegative())]),
  z.transform((id) => String(id)),
);

export const MessageSchema = z.object({
  id: IdSchema,
  sender_id: IdSchema,
  thread_id: IdSchema,
  replied_to_id: z.nullish(IdSchema),
  group_id: z.nullish(IdSchema),
  body: z.object({ plain: z.string() }),
  /** `2026/11/22 20:15:00 +0000`. */
  created_at: z.string(),
});
type Message = z.infer<typeof MessageSchema>;
const MessagesSchema = z.object({ messages: z.array(MessageSchema) });
export const CurrentUserSchema = z.object({ id: IdSchema, full_name: z.string() });
const ErrorSchema = z.object({ response: z.object({ message: z.string() }) });
/** `groups.json` answers with a bare array of groups. */
export const GroupsSchema = z.array(z.object({ id: IdSchema, full_name: z.string() }));
/** Engage's page size for groups. */
const GROUPS_PER_PAGE = 50;
/** Pages read at most: the limit is 10 requests in 30 s, shared with the outbox. */
const GROUP_PAGES_MAX = 3;

/**
 * JSON numbers past 2^53 lose digits in `JSON.parse`, and Engage's ids reach 10^18: quote every long
 * number that is the value of an `…id` key before parsing.
 */
export function quoteLongIds(json: string): string {
  return json.replace(/("[a-z_]*id"\s*:\s*)(\d{16,})(?=\s*[,}\]])/g, '$1"$2"');
}

export async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(quoteLongIds(await response.text()));
  } catch {
    return undefined;
  }
}

export function call(session: TokenSession, path: string, body?: Record<string, string>): Promise<Response> {
  return session.fetch(`${VIVA_ENGAGE_API}/${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      Authorization: `Bearer ${session.token}`,
      Accept: 'application/json',
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

async function failure(response: Response): Promise<DeliveryResult> {
  if (response.status === 401) throw new TokenRejectedError('Viva Engage: HTTP 401');
  const error = ErrorSchema.safeParse(await readJson(response));
  const kind = classifyStatus(response.status);
  return {
    ok: false,
    kind: kind === 'ok' ? 'uncertain' : kind,
    reason: `Viva Engage: HTTP ${response.status}: ${error.success ? error.data.response.message : response.statusText}`,
    retryAfterMs: retryAfterMs(response.headers.get('Retry-After'), Date.now()),
  };
}

async function write(session: TokenSession, body: Record<string, string>): Promise<DeliveryResult> {
  const response = await call(session, 'messages.json', body);
  if (!response.ok) return failure(response);
  const created = MessagesSchema.safeParse(await readJson(response));
  const message = created.success ? created.data.messages[0] : undefined;
  // Accepted, but we cannot tell what: look for it before writing again.
  return message
    ? { ok: true, remoteId: message.id }
    : { ok: false, kind: 'uncertain', reason: `Viva Engage: HTTP ${response.status}: unreadable response` };
}

/** `2026/11/22 20:15:00 +0000` → ms; NaN when unreadable. */
export function engageTime(value: string): number {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(value);
  if (!m) return Date.parse(value);
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset;
}

function isOurs(message: Message, session: TokenSession, text: string, since: number): boolean {
  return (
    message.sender_id === session.userId &&
    message.body.plain.trim() === text.trim() &&
    engageTime(message.created_at) >= since - 60_000
  );
}

/** The signed-in user (who a token belongs to). */
export async function currentEngageUser(session: Omit<TokenSession, 'userId'>) {
  const response = await call({ ...session, userId: '' }, 'users/current.json');
  if (response.status === 401) throw new TokenRejectedError('Viva Engage: HTTP 401');
  const user = CurrentUserSchema.safeParse(await readJson(response));
  if (!response.ok || !user.success) throw new Error(`Viva Engage: HTTP ${response.status}: no current user`);
  return { id: user.data.id, name: user.data.full_name };
}

/**
 * The groups (communities) the user is a member of (`groups.json?mine=1`), by their full name. Throws
 * `TokenRejectedError` for a refused token and `TargetLookupError` for any other failure.
 */
export async function engageGroups(session: TokenSession): Promise<Target[]> {
  const found: Target[] = [];
  for (let page = 1; page <= GROUP_PAGES_MAX; page++) {
    const response = await call(session, `groups.json?mine=1&page=${page}`);
    if (response.status === 401) throw new TokenRejectedError('Viva Engage: HTTP 401');
    if (!response.ok) {
      const error = ErrorSchema.safeParse(await readJson(response));
      const reason = `Viva Engage: HTTP ${response.status}: ${error.success ? error.data.response.message : response.statusText}`;
      const kind = classifyStatus(response.status);
      throw new TargetLookupError(kind === 'permanent' ? 'refused' : 'unreachable', reason);
    }
    const groups = GroupsSchema.safeParse(await readJson(response));
    if (!groups.success)
      throw new TargetLookupError(
        'unreadable',
        `Viva Engage: groups: HTTP ${response.status}: unreadable response`,
      );
    for (const group of groups.data)
      if (group.full_name.trim()) found.push({ id: group.id, name: group.full_name.trim().slice(0, 200) });
    if (groups.data.length < GROUPS_PER_PAGE) break;
  }
  return sortTargets(found);
}

export function vivaEngageApi(session: TokenSession): PageApi {
  return {
    reply: (post, text) => write(session, { body: text, replied_to_id: post.postId }),
    createPost: (text, target) => write(session, target ? { body: text, group_id: target } : { body: text }),
    async findOwnWrite(post, text, since) {
      // Messages the user sent, newest first: where our write must be if it landed.
      const response = await call(session, 'messages/sent.json');
      if (!response.ok) {
        if (response.status === 401) throw new TokenRejectedError('Viva Engage: HTTP 401');
        throw new Error(`Viva Engage: HTTP ${response.status}: cannot read sent messages`);
      }
      const sent = MessagesSchema.safeParse(await readJson(response));
      if (!sent.success) throw new Error('Viva Engage: unreadable sent messages');
      const ours = sent.data.messages.find(
        (message) =>
          isOurs(message, session, text, since) &&
          (post ? message.replied_to_id === post.postId : !message.replied_to_id),
      );
      return ours?.id;
    },
  };
}
