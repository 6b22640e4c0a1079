import { z } from 'zod/mini';
import type { TokenSession } from '../../auth/token-rejected';
import { POSTED_TEXT_MAX } from '../../db/schemas';
import { type ReplyToMe, ReplyToMeSchema } from '../../inbound/reply-to-me';
import { clip } from '../read-dom';
import { AuthTestSchema, call, plainText } from './api';

/**
 * Messages to the user on Slack, found with `search.messages` (user token, scope `search:read`):
 * colleagues' messages that mention the user (`<@U…>`), the newest first. Whether one is a thank-you
 * is for `isThankYou`. Slack allows 20 searches a minute; a scan makes one every few minutes.
 */
export const SLACK_ORIGIN = 'https://app.slack.com';
const SEARCH_COUNT = 50;

export const MentionSearchSchema = z.object({
  ok: z.literal(true),
  messages: z.object({
    matches: z.array(
      z.object({
        ts: z.string().check(z.regex(/^\d+\.\d+$/)),
        user: z.string(),
        username: z.string(),
        text: z.string(),
        channel: z.object({ id: z.string() }),
      }),
    ),
  }),
});
type MentionSearch = z.infer<typeof MentionSearchSchema>;

/** Slack's markup as plain text: the user's mention as `@name`, other mentions and links by their label. */
function textOf(text: string, me: { id: string; name: string }): string {
  const readable = text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]+))?>/g, (_, id: string, label?: string) =>
      id === me.id ? `@${me.name}` : `@${label ?? id}`,
    )
    .replace(/<([^@#!>|][^>|]*)(?:\|([^>]+))?>/g, (_, url: string, label?: string) => label ?? url);
  return clip(plainText(readable).replace(/\s+/g, ' ').trim(), POSTED_TEXT_MAX);
}

/** The search's messages by others, as replies to the user. Exported for its unit test. */
export function repliesIn(search: MentionSearch, me: { id: string; name: string }): ReplyToMe[] {
  return search.messages.matches.flatMap((match) => {
    if (match.user === me.id) return [];
    const parsed = ReplyToMeSchema.safeParse({
      remoteId: `${match.channel.id}:${match.ts}`,
      from: { name: match.username, id: match.user },
      to: { name: me.name, id: me.id },
      text: textOf(match.text, me),
      at: Math.round(Number(match.ts) * 1000),
    });
    return parsed.success ? [parsed.data] : [];
  });
}

async function read<T>(
  session: TokenSession,
  method: string,
  args: Record<string, string>,
  schema: z.ZodMiniType<T>,
) {
  const { response, json } = await call(session, method, args);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`Slack: ${method}: HTTP ${response.status}`);
  return parsed.data;
}

export async function slackRepliesToMe(session: TokenSession): Promise<ReplyToMe[]> {
  const user = await read(session, 'auth.test', {}, AuthTestSchema);
  const me = { id: user.user_id, name: user.user };
  const search = await read(
    session,
    'search.messages',
    { query: `<@${me.id}>`, sort: 'timestamp', sort_dir: 'desc', count: String(SEARCH_COUNT) },
    MentionSearchSchema,
  );
  return repliesIn(search, me);
}
