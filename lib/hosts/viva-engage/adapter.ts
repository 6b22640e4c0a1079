import { PersonSchema, PostRefSchema } from '../../db/schemas';
import { inertCopy, selfAndDescendants, textOf, webUrlOf } from '../read-dom';
import type { HostAdapter } from '../types';
import { messageIdOfLink, userIdOfLink } from './ids';
import { selectors } from './selectors';

const HOSTS = new Set(['engage.cloud.microsoft', 'web.yammer.com', 'www.yammer.com']);

/** Whether `container` is the post that owns `node`: posts nest (replies inside their thread). */
const ownedBy = (node: Element, container: Element) => node.closest(selectors.post) === container;

/** The first descendant matching `selector` that belongs to this post, not to a reply inside it. */
function own(post: Element, selector: string): Element | undefined {
  return Array.from(post.querySelectorAll(selector)).find((el) => ownedBy(el, post));
}

/**
 * Engage's class names are build artefacts and some layouts have no `role="article"`, so a container
 * counts as a post only when it owns an action row: every post and reply has exactly one (Threadcalm's
 * DOM notes).
 */
const isPost = (el: Element) => own(el, selectors.actionRow) !== undefined;

/** The post's own text: a copy without its replies, header, avatar and buttons (there is no body hook). */
function excerptOf(post: Element): string {
  const copy = inertCopy(post);
  for (const nested of copy.querySelectorAll(selectors.post)) nested.remove();
  copy.querySelector(selectors.author)?.remove();
  for (const chrome of copy.querySelectorAll(
    `${selectors.threadLink}, ${selectors.actionRow}, button, time, [aria-hidden="true"]`,
  )) {
    chrome.remove();
  }
  return textOf(copy, 140);
}

export const vivaEngageAdapter: HostAdapter = {
  id: 'viva-engage',
  name: 'Viva Engage',
  selectors,
  postTarget: 'group',
  matches: (page, doc) =>
    (HOSTS.has(page.hostname) || page.hostname.endsWith('.engage.cloud.microsoft')) &&
    doc.querySelector(selectors.marker) !== null,
  findPosts: (root) => selfAndDescendants(root, selectors.post).filter(isPost),
  closestPost(node) {
    let candidate = node.closest(selectors.post);
    while (candidate && !isPost(candidate)) {
      candidate = candidate.parentElement?.closest(selectors.post) ?? null;
    }
    return candidate;
  },
  readPost(post, page) {
    const link = own(post, selectors.threadLink);
    const href = link?.getAttribute('href') ?? '';
    const author = own(post, selectors.author);
    const parsed = PostRefSchema.safeParse({
      host: 'viva-engage',
      origin: page.origin,
      postId: messageIdOfLink(href, page) ?? '',
      permalink: webUrlOf(link, page),
      excerpt: excerptOf(post) || undefined,
      author: {
        name: textOf(author),
        id: userIdOfLink(author?.getAttribute('href') ?? '', page),
        profileUrl: webUrlOf(author, page),
      },
    });
    return parsed.success ? parsed.data : undefined;
  },
  mountPoint(post) {
    const row = own(post, selectors.actionRow);
    if (!row) return undefined;
    // Before the overflow "…" item, where Engage's own Like/Reply/Share items end.
    let before = row.querySelector(selectors.moreActions);
    while (before && before.parentElement !== row) before = before.parentElement;
    return { parent: row, before };
  },
  currentUser(doc) {
    const parsed = PersonSchema.safeParse({ name: textOf(doc.querySelector(selectors.currentUser)) });
    return parsed.success ? parsed.data : undefined;
  },
};
