import { z } from 'zod/mini';
import { type Person, PersonSchema, POSTED_TEXT_MAX } from '../../db/schemas';
import { type ReplyToMe, ReplyToMeSchema } from '../../inbound/reply-to-me';
import { readParsed } from '../page-fetch';
import { clip } from '../read-dom';
import { reasonOf } from './api-schemas';
import { wordsOf } from './storage';

/**
 * Thanks to the signed-in user on Confluence Cloud: comments by others that mention the user, found with
 * CQL (`GET /wiki/rest/api/search`, REST API v1, same-origin session). Whether one is a thank-you is for
 * `isThankYou` to decide. A mention answers no post of the user's, so the reply names none.
 */
const NAME = 'Confluence';
/** The newest mentions only: older ones were found by earlier scans, or are old news. */
const SEARCH_LIMIT = 50;
export const MENTIONS_CQL = 'mention = currentUser() AND type = comment order by created desc';

const MeSchema = z.object({ accountId: z.string(), displayName: z.string() });
type Me = z.infer<typeof MeSchema>;

/** `GET /wiki/rest/api/search?cql=…&expand=content.history,content.body.storage`: the parts read. */
export const MentionSearchSchema = z.object({
  results: z.array(
    z.object({
      content: z.object({
        id: z.string(),
        type: z.string(),
        history: z.object({
          createdBy: z.object({ accountId: z.string(), displayName: z.string() }),
          createdDate: z.string(),
        }),
        body: z.object({ storage: z.object({ value: z.string() }) }),
      }),
    }),
  ),
});
type MentionSearch = z.infer<typeof MentionSearchSchema>;

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The comment as plain text; a mention of the user reads `@Name`, as Confluence shows it. */
function textOf(storage: string, me: Me): string {
  const named = storage.replace(
    /<ac:link>\s*<ri:user\s+ri:account-id="([^"]+)"\s*\/>\s*<\/ac:link>/g,
    (mention, accountId: string) => (accountId === me.accountId ? `@${escapeXml(me.displayName)}` : mention),
  );
  return clip(wordsOf(named), POSTED_TEXT_MAX);
}

function personOf(accountId: string, displayName: string, origin: string): Person {
  const profileUrl = new URL(`/wiki/people/${encodeURIComponent(accountId)}`, origin).href;
  const parsed = PersonSchema.safeParse({ name: displayName, id: accountId, profileUrl });
  return parsed.success ? parsed.data : { name: displayName || accountId, id: accountId };
}

/** The search's comments by others, as replies to the user. Exported for its unit test. */
export function mentionsOf(search: MentionSearch, me: Me, origin: string): ReplyToMe[] {
  const to = personOf(me.accountId, me.displayName, origin);
  return search.results.flatMap(({ content }) => {
    const author = content.history.createdBy;
    if (content.type !== 'comment' || author.accountId === me.accountId) return [];
    const parsed = ReplyToMeSchema.safeParse({
      remoteId: content.id,
      from: personOf(author.accountId, author.displayName, origin),
      to,
      text: textOf(content.body.storage.value, me),
      at: Date.parse(content.history.createdDate),
    });
    return parsed.success && Number.isFinite(parsed.data.at) ? [parsed.data] : [];
  });
}

export async function mentionsToMe(): Promise<ReplyToMe[]> {
  const read = <T>(path: string, schema: z.ZodMiniType<T>) => readParsed(path, schema, NAME, reasonOf);
  const me = await read('/wiki/rest/api/user/current', MeSchema);
  const query = new URLSearchParams({
    cql: MENTIONS_CQL,
    limit: String(SEARCH_LIMIT),
    expand: 'content.history,content.body.storage',
  });
  const search = await read(`/wiki/rest/api/search?${query}`, MentionSearchSchema);
  return mentionsOf(search, me, location.origin);
}
