import { PersonSchema, PostRefSchema } from '../../db/schemas';
import { clip, selfAndDescendants, webUrlOf } from '../read-dom';
import type { HostAdapter } from '../types';
import { mediawikiApi } from './api';
import { sectionAnchorOf } from './section';
import { selectors } from './selectors';
import { findSignature, type Signature } from './signature';
import { userNameOf, userPageUrlOf } from './user-link';

const EXCERPT_MAX = 140;

/**
 * A comment is known by who signed it and when, as DiscussionTools names comments (`c-<user>-<time>`):
 * the id survives edits around it, section renames and moving the thread to an archive page. Two
 * comments by one person in the same minute count as one, which they nearly always are.
 */
function commentIdOf(signature: Signature): string {
  return `c-${signature.user}-${signature.timestamp}`;
}

/** The page, scrolled to the comment's section: core MediaWiki has no anchor per comment. */
function permalinkOf(page: URL, anchor: string | undefined): string {
  const url = new URL(page.href);
  url.hash = anchor ?? '';
  return url.href;
}

function excerptOf(signature: Signature): string | undefined {
  // Without the dash some people put before their signature.
  const text = signature.text
    .replace(/\s+/g, ' ')
    .replace(/[\s—–-]+$/, '')
    .trim();
  return clip(text, EXCERPT_MAX) || undefined;
}

const isComment = (block: Element) => findSignature(block) !== undefined;

export const mediawikiAdapter: HostAdapter = {
  api: mediawikiApi,
  id: 'mediawiki',
  name: 'MediaWiki',
  selectors,
  matches: (_page, doc) =>
    doc.querySelector(selectors.marker) !== null && doc.querySelector(selectors.readingView) !== null,
  findPosts: (root) => selfAndDescendants(root, selectors.commentBlock).filter(isComment),
  closestPost(node) {
    // Only the innermost block: text in a nested reply is that reply's, not its parent's.
    const block = node.closest(selectors.commentBlock);
    return block && isComment(block) ? block : null;
  },
  readPost(post, page) {
    const signature = findSignature(post);
    if (!signature) return undefined;
    const parsed = PostRefSchema.safeParse({
      host: 'mediawiki',
      origin: page.origin,
      postId: commentIdOf(signature),
      permalink: permalinkOf(page, sectionAnchorOf(post)),
      excerpt: excerptOf(signature),
      author: {
        name: signature.user,
        id: signature.user,
        profileUrl: userPageUrlOf(signature.link, page),
      },
    });
    return parsed.success ? parsed.data : undefined;
  },
  mountPoint(post) {
    // Inline, right after the signature's date, where a reader's eye ends the comment.
    const date = findSignature(post)?.timestampNode;
    const parent = date?.parentElement;
    return date && parent ? { parent, before: date.nextSibling } : undefined;
  },
  currentUser(doc, page) {
    const link = doc.querySelector(selectors.currentUser);
    const name = link ? userNameOf(link) : undefined;
    const parsed = PersonSchema.safeParse({ name, id: name, profileUrl: webUrlOf(link, page) });
    return parsed.success ? parsed.data : undefined;
  },
};
