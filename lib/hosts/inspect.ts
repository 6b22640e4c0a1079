import { z } from 'zod/mini';
import { HostIdSchema } from '../db/schemas';
import type { HostAdapter } from './types';

export const PageInspectionSchema = z.object({
  origin: z.string(),
  adapter: z.optional(z.object({ id: HostIdSchema, name: z.string() })),
  posts: z.int(),
  /** Posts whose author could be read. */
  authors: z.int(),
  /** Selectors of the adapter that match nothing here: what a host redesign breaks first. */
  emptySelectors: z.array(z.string()),
});
export type PageInspection = z.infer<typeof PageInspectionSchema>;

/**
 * What "Check this page" reports: which adapter recognises the page, how many posts and authors it
 * reads, and which of its selectors find nothing, so selector drift is visible instead of silent.
 */
export function inspectPage(adapters: readonly HostAdapter[], page: URL, doc: Document): PageInspection {
  const adapter = adapters.find((candidate) => candidate.matches(page, doc));
  if (!adapter) return { origin: page.origin, posts: 0, authors: 0, emptySelectors: [] };
  const posts = adapter.findPosts(doc);
  const authors = posts.filter((post) => adapter.readPost(post, page) !== undefined).length;
  const emptySelectors = Object.entries(adapter.selectors)
    .filter(([, css]) => {
      const inPosts = css.includes(':scope');
      if (inPosts) return posts.length > 0 && !posts.some((post) => post.querySelector(css) !== null);
      return doc.querySelector(css) === null;
    })
    .map(([key]) => key);
  return {
    origin: page.origin,
    adapter: { id: adapter.id, name: adapter.name },
    posts: posts.length,
    authors,
    emptySelectors,
  };
}
