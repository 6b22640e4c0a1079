import type { TaughtSelectors } from '../db/schemas';
import { createGenericAdapter } from '../hosts/generic/adapter';

export type Review = {
  /** Posts that will get buttons: found, and their author read. */
  posts: Element[];
  /** Elements the post selector finds whose author cannot be read: they get no buttons. */
  unreadable: number;
  authors: Element[];
  /** A few of the authors read, as a sample the user can check at a glance. */
  names: string[];
};

/** What the selectors do on this page, read exactly as the generic adapter will read it. */
export function reviewSelectors(selectors: TaughtSelectors, doc: Document, page: URL): Review | undefined {
  const adapter = createGenericAdapter(selectors, doc);
  if (!adapter) return undefined;
  const found = adapter.findPosts(doc);
  const read = found.flatMap((post) => {
    const ref = adapter.readPost(post, page);
    return ref ? [{ post, name: ref.author.name }] : [];
  });
  return {
    posts: read.map(({ post }) => post),
    unreadable: found.length - read.length,
    authors: read.flatMap(({ post }) => post.querySelector(selectors.author) ?? []),
    names: [...new Set(read.map(({ name }) => name))].slice(0, 3),
  };
}
