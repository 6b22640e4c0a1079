import { PostRefSchema } from '../../db/schemas';
import { selfAndDescendants, textOf } from '../read-dom';
import type { HostAdapter } from '../types';
import { connectionsApi } from './api';
import { entryIdOf } from './entry-id';
import { selectors } from './selectors';
import { readVcard } from './vcard';

export { entryIdOf };

/** A status update's id, or a comment's from its `comment-<id>` anchor. */
function postIdOf(post: Element): string | undefined {
  if (post.matches(selectors.newsItem)) return entryIdOf(post.getAttribute('data-rollupid'));
  return entryIdOf(post.querySelector(selectors.commentAnchor)?.id.replace(/^comment-/, ''));
}

export const connectionsAdapter: HostAdapter = {
  id: 'connections',
  name: 'HCL Connections',
  selectors,
  postTarget: 'group',
  api: connectionsApi,
  // Customer-hosted on any origin, so the page itself must say it is Connections.
  matches: (_page, doc) =>
    doc.querySelector(selectors.marker) !== null && doc.querySelector(selectors.resources) !== null,
  findPosts: (root) => selfAndDescendants(root, selectors.post),
  closestPost: (node) => node.closest(selectors.post),
  readPost(post, page) {
    const vcard = post.querySelector(selectors.author);
    // No permalink: no public source shows a stable web address for a single status update.
    const parsed = PostRefSchema.safeParse({
      host: 'connections',
      origin: page.origin,
      postId: postIdOf(post) ?? '',
      excerpt: textOf(post.querySelector(selectors.body), 140) || undefined,
      author: vcard ? readVcard(vcard, page) : undefined,
    });
    return parsed.success ? parsed.data : undefined;
  },
  mountPoint(post) {
    // A status update's Comment/Like row, else a comment's author · time · Like row.
    const row = post.querySelector(selectors.actions) ?? post.querySelector(selectors.metaActions);
    return row ? { parent: row } : undefined;
  },
  currentUser(doc, page) {
    const vcard = doc.querySelector(selectors.currentUser);
    return vcard ? readVcard(vcard, page) : undefined;
  },
};
