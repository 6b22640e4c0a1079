import { PersonSchema, PostRefSchema, type TaughtSelectors } from '../../db/schemas';
import { t } from '../../i18n/t';
import { isSelector } from '../../teach/features';
import { selfAndDescendants, textOf, webUrlOf } from '../read-dom';
import type { HostAdapter } from '../types';
import { hashedPostId } from './post-id';

/** The profile link of a name: the name itself, the link around it, or the one inside it. */
function linkOf(el: Element, post: Element | undefined): Element | null {
  // `href="#"` opens a menu on the page: not a profile.
  const link = 'a[href]:not([href^="#"])';
  const around = el.closest(link);
  if (around && (!post || post.contains(around))) return around;
  return el.querySelector(link);
}

/**
 * The adapter for a site the user taught Rückenwind (lib/teach): the same contract as the built-in
 * ones, its selectors taken from the user instead of a file. It exists only for the origin it was
 * taught on, and not at all when a selector does not parse (a hand edit gone wrong stays invisible).
 */
export function createGenericAdapter(taught: TaughtSelectors, doc: Document): HostAdapter | undefined {
  const { postIdAttribute, ...css } = taught;
  if (!Object.values(css).every((selector) => selector === undefined || isSelector(selector, doc)))
    return undefined;
  const selectors: Record<string, string> = Object.fromEntries(
    Object.entries(css).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return {
    id: 'generic',
    name: t('teachAdapterName'),
    selectors,
    // Registered, and handed its selectors, only on the origin it was taught on.
    matches: () => true,
    findPosts: (root) => selfAndDescendants(root, taught.post),
    closestPost: (node) => node.closest(taught.post),
    readPost(post, page) {
      const author = post.querySelector(taught.author);
      if (!author) return undefined;
      const permalink = taught.permalink ? webUrlOf(post.querySelector(taught.permalink), page) : undefined;
      const excerpt = taught.body ? textOf(post.querySelector(taught.body), 140) : '';
      const name = textOf(author);
      const attribute = postIdAttribute ? post.getAttribute(postIdAttribute) : null;
      const parsed = PostRefSchema.safeParse({
        host: 'generic',
        origin: page.origin,
        postId: attribute || permalinkId(permalink) || hashedPostId(name, excerpt || textOf(post, 280)),
        permalink,
        excerpt: excerpt || undefined,
        author: { name, profileUrl: webUrlOf(linkOf(author, post), page) },
      });
      return parsed.success ? parsed.data : undefined;
    },
    mountPoint(post) {
      const actions = taught.actions ? post.querySelector(taught.actions) : null;
      if (actions) return { parent: actions };
      // No action bar taught: right after the author's name.
      const author = post.querySelector(taught.author);
      return author?.parentElement ? { parent: author.parentElement, before: author.nextSibling } : undefined;
    },
    currentUser(doc, page) {
      const el = taught.currentUser ? doc.querySelector(taught.currentUser) : null;
      const parsed = PersonSchema.safeParse({
        name: textOf(el),
        profileUrl: el ? webUrlOf(linkOf(el, undefined), page) : undefined,
      });
      // Without a name on the page, thanks are still saved, from "me": only this browser keeps them.
      return parsed.success ? parsed.data : { name: t('teachMeFallback') };
    },
  };
}

/** A permalink identifies its post: its path, query and fragment, within the 200 characters allowed. */
function permalinkId(permalink: string | undefined): string | undefined {
  if (!permalink) return undefined;
  const url = new URL(permalink);
  const id = `${url.pathname}${url.search}${url.hash}`;
  return id.length <= 200 ? id : undefined;
}
