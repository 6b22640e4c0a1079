import { selectors } from './selectors';

/**
 * The post that starts `post`'s group. Mattermost marks a follow-up by the same author with `same--user`
 * and drops its avatar (and with it the author's id): the nearest earlier post in the same list without
 * the mark has them. `undefined` when that post is not rendered (the lists are virtualized).
 */
export function groupLeaderOf(post: Element): Element | undefined {
  if (!post.classList.contains('same--user')) return post;
  const posts = Array.from(post.closest(selectors.list)?.querySelectorAll(selectors.post) ?? []);
  for (let i = posts.indexOf(post) - 1; i >= 0; i--) {
    const earlier = posts[i];
    if (earlier && !earlier.classList.contains('same--user')) return earlier;
  }
  return undefined;
}
