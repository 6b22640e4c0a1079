import { z } from 'zod/mini';
import type { PostRef } from '../../db/schemas';
import type { DeliveryResult } from '../../messages/background-to-content';
import type { PageApi } from '../types';
import { call } from './call';
import { repliesToMe } from './replies-to-me';

/**
 * MediaWiki's Action API with the user's session and a CSRF token (HOSTS.md): without the Thanks and
 * DiscussionTools extensions, a thank-you is an indented, signed reply appended to the comment's section.
 */
const TokenSchema = z.object({ query: z.object({ tokens: z.object({ csrftoken: z.string() }) }) });
const SectionsSchema = z.object({
  parse: z.object({ sections: z.array(z.object({ index: z.string(), anchor: z.string() })) }),
});
const EditSchema = z.object({ edit: z.object({ result: z.string(), newrevid: z.optional(z.number()) }) });
const RevisionsSchema = z.object({
  query: z.object({
    userinfo: z.object({ name: z.string() }),
    pages: z.array(
      z.object({
        revisions: z.optional(
          z.array(z.object({ revid: z.number(), user: z.string(), comment: z.string() })),
        ),
      }),
    ),
  }),
});

/** Codes worth another try later; any other refusal (protected page, blocked user…) is for the user to see. */
const RETRYABLE = new Set([
  'ratelimited',
  'badtoken',
  'readonly',
  'maxlag',
  'internal_api_error_DBQueryError',
]);

/** The wiki page and section a comment is on, read from its permalink (`…/index.php/Talk:X#Section`). */
function pageOf(post: PostRef): { title: string; anchor: string } | undefined {
  if (!post.permalink) return undefined;
  const url = new URL(post.permalink);
  const title =
    url.searchParams.get('title') ?? decodeURIComponent(url.pathname.replace(/^.*\/index\.php\//, ''));
  return title
    ? { title: title.replaceAll('_', ' '), anchor: decodeURIComponent(url.hash.slice(1)) }
    : undefined;
}

/** One summary per text, so our own edit can be recognised in the page history. */
function summaryOf(text: string): string {
  return `Rückenwind: ${text.replace(/\s+/g, ' ').trim().slice(0, 120)}`;
}

export const mediawikiApi: PageApi = {
  async reply(post, text): Promise<DeliveryResult> {
    const page = pageOf(post);
    if (!page) return { ok: false, kind: 'permanent', reason: 'the comment has no page address' };
    const parsed = await call({ action: 'parse', page: page.title, prop: 'sections' }, SectionsSchema);
    if ('error' in parsed) return { ok: false, kind: 'permanent', reason: parsed.error.info };
    const section = parsed.parse.sections.find((candidate) => candidate.anchor === page.anchor);
    const token = await call({ action: 'query', meta: 'tokens', type: 'csrf' }, TokenSchema);
    if ('error' in token) return { ok: false, kind: 'retry', reason: token.error.info };
    // One indented line, signed: the talk-page convention for a reply.
    const line = `\n:${text.replace(/\s*\n+\s*/g, ' ').trim()} ~~~~`;
    const edit = await call(
      {
        action: 'edit',
        title: page.title,
        ...(section ? { section: section.index } : {}),
        appendtext: line,
        summary: summaryOf(text),
        token: token.query.tokens.csrftoken,
      },
      EditSchema,
      true,
    );
    if ('error' in edit) {
      return {
        ok: false,
        kind: RETRYABLE.has(edit.error.code) ? 'retry' : 'permanent',
        reason: edit.error.info,
      };
    }
    return edit.edit.result === 'Success' && edit.edit.newrevid
      ? { ok: true, remoteId: `rev-${edit.edit.newrevid}` }
      : { ok: false, kind: 'uncertain', reason: `MediaWiki answered ${edit.edit.result}` };
  },
  async createPost() {
    return { ok: false, kind: 'permanent', reason: 'MediaWiki: new posts are not supported yet' };
  },
  async findOwnWrite(post, text, since) {
    const page = post && pageOf(post);
    if (!page) return undefined;
    const history = await call(
      {
        action: 'query',
        meta: 'userinfo',
        prop: 'revisions',
        titles: page.title,
        rvprop: 'ids|user|comment',
        rvlimit: '50',
        rvend: new Date(since - 60_000).toISOString(),
      },
      RevisionsSchema,
    );
    if ('error' in history) throw new Error(history.error.info);
    const me = history.query.userinfo.name;
    const summary = summaryOf(text);
    const ours = history.query.pages[0]?.revisions?.find(
      (rev) => rev.user === me && rev.comment.endsWith(summary),
    );
    return ours ? `rev-${ours.revid}` : undefined;
  },
  repliesToMe,
};
