import { PersonSchema, PostRefSchema } from '../../db/schemas';
import { selfAndDescendants, webUrlOf } from '../read-dom';
import type { HostAdapter } from '../types';
import { mediawikiApi } from './api';
import { commentIdOf, excerptOf, permalinkOf } from './comment';
import { sectionAnchorOf } from './section';
import { selectors } from './selectors';
import { findSignature } from './signature';
import { userNameOf, userPageUrlOf } from './user-link';

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
