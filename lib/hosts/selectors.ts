/**
 * How an adapter's selectors are checked against its fixture pages (Refined GitHub's habit): each
 * selector lists the dated fixtures it must match and how many times. `scope: 'document'` counts
 * matches in the page; `scope: 'post'` counts, over all posts the adapter finds, the posts in which the
 * selector (relative to the post, `:scope` allowed) matches. Only tests import the expectations, so
 * they never reach a bundle.
 */
export type SelectorExpectations<Key extends string> = Record<
  Key,
  { scope: 'document' | 'post'; expect: ReadonlyArray<readonly [count: number, fixture: string]> }
>;

/** The fixture pages of an adapter: the address each was captured from and how many posts it holds. */
export type FixturePages = Record<string, { url: string; posts: number }>;
