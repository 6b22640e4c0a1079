import { PersonSchema, PostRefSchema, WebUrlSchema } from '../../db/schemas';
import { selfAndDescendants, textOf, webUrlOf } from '../read-dom';
import type { HostAdapter } from '../types';
import { confluenceApi } from './api';
import { isCloud } from './edition';
import { selectors } from './selectors';

/** Confluence's comment permalink: the page itself, focused on the comment. */
export function commentPermalink(page: URL, commentId: string): string {
  const url = new URL(page.href);
  url.searchParams.set('focusedCommentId', commentId);
  url.hash = `comment-${commentId}`;
  return url.href;
}

const metaContent = (doc: Document, selector: string) =>
  doc.querySelector(selector)?.getAttribute('content')?.trim() ?? '';

/** A Data Center profile lives at `<base>/display/~<username>`. */
function profileUrlOf(base: string, username: string): string | undefined {
  const url = `${base.replace(/\/+$/, '')}/display/~${encodeURIComponent(username)}`;
  return base && username && WebUrlSchema.safeParse(url).success ? url : undefined;
}

export const confluenceAdapter: HostAdapter = {
  id: 'confluence',
  name: 'Confluence',
  selectors,
  postTarget: 'space',
  api: confluenceApi,
  matches: (page, doc) =>
    doc.querySelector(selectors.pageId) !== null &&
    (isCloud(page) || doc.querySelector(selectors.baseUrl) !== null),
  findPosts: (root) => selfAndDescendants(root, selectors.post),
  closestPost: (node) => node.closest(selectors.post),
  readPost(post, page) {
    const commentId = /^comment-(\d+)$/.exec(post.id)?.[1];
    const author = post.querySelector(selectors.author);
    const parsed = PostRefSchema.safeParse({
      host: 'confluence',
      origin: page.origin,
      postId: commentId ?? '',
      permalink: commentId ? commentPermalink(page, commentId) : undefined,
      excerpt: textOf(post.querySelector(selectors.body), 140) || undefined,
      // Anonymous comments have no user link: there is nobody to thank.
      author: author
        ? {
            name: textOf(author),
            id:
              author.getAttribute('data-username') ||
              post.querySelector(selectors.userLogo)?.getAttribute('data-username') ||
              undefined,
            profileUrl: webUrlOf(author, page),
          }
        : undefined,
    });
    return parsed.success ? parsed.data : undefined;
  },
  mountPoint(post) {
    const row = post.querySelector(selectors.actions);
    return row ? { parent: row } : undefined;
  },
  currentUser(doc) {
    const username = metaContent(doc, selectors.remoteUser);
    const parsed = PersonSchema.safeParse({
      name: metaContent(doc, selectors.userFullName),
      id: username || undefined,
      profileUrl: profileUrlOf(metaContent(doc, selectors.baseUrl), username),
    });
    return parsed.success ? parsed.data : undefined;
  },
};
