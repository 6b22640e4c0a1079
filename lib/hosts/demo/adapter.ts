import { PersonSchema, PostRefSchema } from '../../db/schemas';
import { queryScoped, selfAndDescendants, textOf, webUrlOf } from '../read-dom';
import type { HostAdapter } from '../types';
import { demoApi } from './api';
import { selectors } from './selectors';

export const demoAdapter: HostAdapter = {
  id: 'demo',
  name: 'Built-in demo intranet',
  api: demoApi,
  selectors,
  matches: (_page, doc) => doc.querySelector(selectors.marker) !== null,
  findPosts: (root) => selfAndDescendants(root, selectors.post),
  closestPost: (node) => node.closest(selectors.post),
  readPost(post, page) {
    const author = queryScoped(post, selectors.author);
    const parsed = PostRefSchema.safeParse({
      host: 'demo',
      origin: page.origin,
      postId: post.getAttribute('data-post-id') ?? '',
      permalink: webUrlOf(queryScoped(post, selectors.permalink), page),
      excerpt: textOf(queryScoped(post, selectors.body), 140) || undefined,
      author: {
        name: textOf(author),
        id: author?.getAttribute('data-user-id') || undefined,
        profileUrl: webUrlOf(author, page),
      },
    });
    return parsed.success ? parsed.data : undefined;
  },
  identifyPost(post) {
    const postId = post.getAttribute('data-post-id') ?? '';
    const authorName = textOf(queryScoped(post, selectors.author));
    return postId && postId.length <= 200 && authorName ? { postId, authorName } : undefined;
  },
  mountPoint(post) {
    const actions = queryScoped(post, selectors.actions);
    return actions ? { parent: actions } : undefined;
  },
  currentUser(doc, page) {
    const link = doc.querySelector(selectors.currentUser);
    const parsed = PersonSchema.safeParse({
      name: textOf(link),
      id: link?.getAttribute('data-user-id') || undefined,
      profileUrl: webUrlOf(link, page),
    });
    return parsed.success ? parsed.data : undefined;
  },
};
