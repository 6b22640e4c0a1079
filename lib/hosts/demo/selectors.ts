/**
 * Selectors of the built-in demo intranet (demo-intranet/), each with the fixture pages it must match
 * and how often: `[expectedCount, fixture]`.
 */
export const selectors = {
  marker: 'meta[name="generator"][content="Rueckenwind demo intranet"]',
  post: 'article.post[data-post-id]',
  author: ':scope > header > a.post-author',
  permalink: ':scope > header > a.post-permalink',
  body: ':scope > .post-body',
  actions: ':scope > footer.post-actions',
  currentUser: 'a.current-user[data-user-id]',
} as const;
