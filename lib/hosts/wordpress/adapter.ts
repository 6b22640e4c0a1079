import { PersonSchema, type PostRef, PostRefSchema } from '../../db/schemas';
import { selfAndDescendants, textOf, webUrlOf } from '../read-dom';
import type { HostAdapter } from '../types';
import { wordpressApi } from './api';
import { selectors } from './selectors';

const THANKABLE = `${selectors.comment}, ${selectors.entry}`;
const EXCERPT_MAX = 140;

/**
 * Self-hosted WordPress. What people thank on an intranet blog are mostly comments, so every comment is
 * a post here (id `comment-N`); so is a blog post (id `post-N`) wherever the theme prints its byline.
 * Comment and post numbers are separate sequences on WordPress: the prefix keeps them apart.
 */
export const wordpressAdapter: HostAdapter = {
  api: wordpressApi,
  id: 'wordpress',
  name: 'WordPress',
  selectors,
  matches: (_page, doc) => doc.querySelector(selectors.marker) !== null,
  findPosts: (root) => selfAndDescendants(root, THANKABLE),
  closestPost: (node) => node.closest(THANKABLE),
  readPost: (post, page) =>
    post.matches(selectors.comment) ? readComment(post, page) : readEntry(post, page),
  mountPoint(post) {
    if (post.matches(selectors.comment)) {
      const spot = post.querySelector(selectors.commentReply) ?? post.querySelector(selectors.commentDate);
      return spot ? { parent: spot } : undefined;
    }
    // Right after the author's name in the byline.
    const author = post.querySelector(selectors.entryAuthor);
    return author?.parentElement ? { parent: author.parentElement, before: author.nextSibling } : undefined;
  },
  currentUser(doc) {
    // The admin bar also shows the login, but authors on the page are known by their nicename (the
    // `comment-author-…` class, /author/…/): an id that matches neither would mislead.
    const parsed = PersonSchema.safeParse({ name: textOf(doc.querySelector(selectors.currentUser)) });
    return parsed.success ? parsed.data : undefined;
  },
};

function readComment(comment: Element, page: URL): PostRef | undefined {
  const author = comment.querySelector(selectors.commentAuthor);
  return parsePostRef({
    host: 'wordpress',
    origin: page.origin,
    postId: comment.id,
    permalink: webUrlOf(comment.querySelector(selectors.commentPermalink), page),
    excerpt: textOf(comment.querySelector(selectors.commentText), EXCERPT_MAX) || undefined,
    author: {
      name: textOf(author),
      // Only comments by signed-in users carry it; guests have no account.
      id: classSuffix(comment, 'comment-author-'),
      // A guest's or user's website, when they gave one.
      profileUrl: webUrlOf(author?.querySelector('a'), page),
    },
  });
}

function readEntry(entry: Element, page: URL): PostRef | undefined {
  const author = entry.querySelector(selectors.entryAuthor);
  const profileUrl = webUrlOf(author, page);
  return parsePostRef({
    host: 'wordpress',
    origin: page.origin,
    postId: entry.id,
    permalink: ownPagePermalink(entry, page),
    excerpt: textOf(entry.querySelector(selectors.entryText), EXCERPT_MAX) || undefined,
    author: { name: textOf(author), id: profileUrl && authorSlug(profileUrl), profileUrl },
  });
}

function parsePostRef(candidate: unknown): PostRef | undefined {
  const parsed = PostRefSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

/** `anna` from the class `comment-author-anna`. */
function classSuffix(el: Element, prefix: string): string | undefined {
  const match = Array.from(el.classList).find(
    (name) => name.startsWith(prefix) && name.length > prefix.length,
  );
  return match?.slice(prefix.length);
}

/** `anna` from an author archive at `/author/anna/` (pretty permalinks; plain ones carry only a number). */
function authorSlug(archiveUrl: string): string | undefined {
  return /\/author\/([^/]+)\/?$/.exec(new URL(archiveUrl).pathname)?.[1];
}

/** The canonical address, when this page is the post's own (`postid-N` on <body>). */
function ownPagePermalink(entry: Element, page: URL): string | undefined {
  const doc = entry.ownerDocument;
  const number = entry.id.slice('post-'.length);
  if (!doc.body?.classList.contains(`postid-${number}`)) return undefined;
  return webUrlOf(doc.querySelector(selectors.canonical), page);
}
