import { z } from 'zod/mini';
import type { Person } from '../../db/schemas';
import type { ReplyToMe } from '../../inbound/reply-to-me';
import { call } from './call';
import { repliesInPage } from './replies-in-page';

/**
 * Replies to the signed-in user on MediaWiki: the talk pages the user wrote on lately (their own
 * contributions), each read as the wiki renders it, and searched like a reader would (repliesInPage).
 */
const SiteSchema = z.object({
  query: z.object({
    userinfo: z.object({ id: z.number(), name: z.string() }),
    general: z.object({ articlepath: z.string() }),
  }),
});
const ContribsSchema = z.object({
  query: z.object({ usercontribs: z.array(z.object({ title: z.string() })) }),
});
const ParseSchema = z.object({ parse: z.object({ text: z.string() }) });

/** Talk, user talk, project and project talk: where core MediaWiki's discussions are. */
const DISCUSSION_NAMESPACES = '1|3|4|5';
/** The most recent pages read per scan: each costs a request. */
const PAGES_MAX = 10;

export async function repliesToMe(): Promise<ReplyToMe[]> {
  const site = await call({ action: 'query', meta: 'userinfo|siteinfo', siprop: 'general' }, SiteSchema);
  if ('error' in site) throw new Error(site.error.info);
  const { userinfo, general } = site.query;
  // Signed out: nobody to find replies for.
  if (userinfo.id === 0) return [];
  const me: Person = { name: userinfo.name, id: userinfo.name };
  const contribs = await call(
    {
      action: 'query',
      list: 'usercontribs',
      ucuser: userinfo.name,
      ucnamespace: DISCUSSION_NAMESPACES,
      uclimit: '100',
      ucprop: 'title',
    },
    ContribsSchema,
  );
  if ('error' in contribs) throw new Error(contribs.error.info);
  const titles = [...new Set(contribs.query.usercontribs.map((contrib) => contrib.title))].slice(
    0,
    PAGES_MAX,
  );

  const replies: ReplyToMe[] = [];
  for (const title of titles) {
    const parsed = await call(
      { action: 'parse', page: title, prop: 'text', disableeditsection: '1', disablelimitreport: '1' },
      ParseSchema,
    );
    // A page deleted or moved since: nothing to find there.
    if ('error' in parsed) continue;
    const page = new URL(general.articlepath.replace('$1', titlePath(title)), location.origin);
    replies.push(...repliesInPage(renderedPage(parsed.parse.text), page, me, Date.now()));
  }
  return replies;
}

/** `Talk:Release checklist` → `Talk:Release_checklist`, escaped as MediaWiki does in its links. */
function titlePath(title: string): string {
  return encodeURIComponent(title.replaceAll(' ', '_')).replace(/%3A/g, ':').replace(/%2F/g, '/');
}

/** The parser's output as an inert document laid out like a page (`#mw-content-text > .mw-parser-output`). */
function renderedPage(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const content = doc.createElement('div');
  content.id = 'mw-content-text';
  content.append(...doc.body.childNodes);
  doc.body.append(content);
  return doc;
}
