import { PostRefSchema } from '../../db/schemas';
import { selfAndDescendants, textOf, webUrlOf } from '../read-dom';
import type { HostAdapter } from '../types';
import { discourseApi } from './api';
import { currentUserOf } from './current-user';
import { permalinkOf } from './permalink';
import { selectors } from './selectors';

/** Discourse (customer-hosted): topics are streams of posts, each with its own action bar. */
export const discourseAdapter: HostAdapter = {
  id: 'discourse',
  name: 'Discourse',
  selectors,
  matches: (_page, doc) => doc.querySelector(selectors.marker) !== null,
  findPosts: (root) => selfAndDescendants(root, selectors.post),
  closestPost: (node) => node.closest(selectors.post),
  readPost(post, page) {
    const author = post.querySelector(selectors.author);
    const parsed = PostRefSchema.safeParse({
      host: 'discourse',
      origin: page.origin,
      postId: post.getAttribute('data-post-id') ?? '',
      permalink: permalinkOf(post, page),
      excerpt: textOf(post.querySelector(selectors.body), 140) || undefined,
      author: {
        name: textOf(author),
        // The numeric id survives renames; the username lives on in the profile link.
        id: post.getAttribute('data-user-id') || undefined,
        profileUrl: webUrlOf(author, page),
      },
    });
    return parsed.success ? parsed.data : undefined;
  },
  mountPoint(post) {
    const actions = post.querySelector(selectors.actions);
    // Among the icon buttons (like, copy link), so the labelled "Reply" stays last, as Discourse has it.
    return actions ? { parent: actions, before: post.querySelector(selectors.reply) } : undefined;
  },
  api: discourseApi,
  currentUser: currentUserOf,
};
