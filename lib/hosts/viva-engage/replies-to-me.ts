import { z } from 'zod/mini';
import { TokenRejectedError, type TokenSession } from '../../auth/token-rejected';
import { POSTED_TEXT_MAX } from '../../db/schemas';
import { type ReplyToMe, ReplyToMeSchema } from '../../inbound/reply-to-me';
import { clip } from '../read-dom';
import { CurrentUserSchema, call, engageTime, IdSchema, MessageSchema, readJson } from './api';

/**
 * Messages to the user on Viva Engage, found with Yammer's search (`GET /api/v1/search.json`, bearer
 * token): colleagues' messages that name the user. Whether one is a thank-you is for `isThankYou`.
 * Only the first page (the 20 newest): a scan runs every few minutes, and each request counts against
 * the user's 10 requests per 30 s.
 */
export const ENGAGE_ORIGIN = 'https://engage.cloud.microsoft';

export const EngageSearchSchema = z.object({
  messages: z.object({
    messages: z.array(MessageSchema),
    references: z.array(z.object({ type: z.string(), id: IdSchema, full_name: z.optional(z.string()) })),
  }),
});
type EngageSearch = z.infer<typeof EngageSearchSchema>;

async function read<T>(session: TokenSession, path: string, schema: z.ZodMiniType<T>): Promise<T> {
  const response = await call(session, path);
  if (response.status === 401) throw new TokenRejectedError('Viva Engage: HTTP 401');
  const parsed = schema.safeParse(await readJson(response));
  if (!response.ok || !parsed.success) throw new Error(`Viva Engage: HTTP ${response.status} for ${path}`);
  return parsed.data;
}

/** The search's messages by others, as replies to the user. Exported for its unit test. */
export function repliesIn(search: EngageSearch, me: { id: string; name: string }): ReplyToMe[] {
  const names = new Map(
    search.messages.references.flatMap((ref) =>
      ref.type === 'user' && ref.full_name ? [[ref.id, ref.full_name] as const] : [],
    ),
  );
  return search.messages.messages.flatMap((message) => {
    const name = names.get(message.sender_id);
    // Without the sender's name there is nobody to show as the one who thanked.
    if (message.sender_id === me.id || !name) return [];
    const parsed = ReplyToMeSchema.safeParse({
      remoteId: message.id,
      from: { name, id: message.sender_id },
      to: { name: me.name, id: me.id },
      text: clip(message.body.plain, POSTED_TEXT_MAX),
      at: engageTime(message.created_at),
    });
    return parsed.success && Number.isFinite(parsed.data.at) ? [parsed.data] : [];
  });
}

export async function engageRepliesToMe(session: TokenSession): Promise<ReplyToMe[]> {
  const user = await read(session, 'users/current.json', CurrentUserSchema);
  const me = { id: user.id, name: user.full_name };
  const search = await read(
    session,
    `search.json?${new URLSearchParams({ search: me.name, page: '1' })}`,
    EngageSearchSchema,
  );
  return repliesIn(search, me);
}
