import { selectors } from './selectors';

/**
 * The sender button for `post`. Slack shows a follow-up by the same author without avatar or name, so its
 * author is the nearest earlier message in the same list that names one. `null` when that message is not
 * rendered (the lists are virtualized).
 */
export function senderOf(post: Element): Element | null {
  const own = post.querySelector(selectors.sender);
  if (own) return own;
  const posts = Array.from(post.closest(selectors.list)?.querySelectorAll(selectors.post) ?? []);
  const index = posts.indexOf(post);
  for (let i = index - 1; i >= 0; i--) {
    const sender = posts[i]?.querySelector(selectors.sender);
    if (sender) return sender;
  }
  return null;
}
