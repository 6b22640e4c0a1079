import type { FixturePages, SelectorExpectations } from '../selectors';

/** Selectors of the built-in demo intranet (demo-intranet/). */
export const selectors = {
  marker: 'meta[name="generator"][content="Rueckenwind demo intranet"]',
  post: 'article.post[data-post-id]',
  author: ':scope > header > a.post-author',
  permalink: ':scope > header > a.post-permalink',
  body: ':scope > .post-body',
  actions: ':scope > footer.post-actions',
  currentUser: 'a.current-user[data-user-id]',
} as const;

const FEED = 'feed-2026-11-22.html';
const SINGLE = 'single-post-2026-11-22.html';
const NONE = 'no-posts-2026-11-22.html';

export const fixtures: FixturePages = {
  [FEED]: { url: 'http://127.0.0.1:5391/', posts: 22 },
  [SINGLE]: { url: 'http://127.0.0.1:5391/posts/1058', posts: 3 },
  [NONE]: { url: 'http://127.0.0.1:5391/about', posts: 0 },
};

export const selectorExpectations: SelectorExpectations<keyof typeof selectors> = {
  marker: {
    scope: 'document',
    expect: [
      [1, FEED],
      [1, SINGLE],
      [1, NONE],
    ],
  },
  post: {
    scope: 'document',
    expect: [
      [22, FEED],
      [3, SINGLE],
      [0, NONE],
    ],
  },
  author: {
    scope: 'post',
    expect: [
      [22, FEED],
      [3, SINGLE],
    ],
  },
  permalink: {
    scope: 'post',
    expect: [
      [22, FEED],
      [3, SINGLE],
    ],
  },
  body: {
    scope: 'post',
    expect: [
      [22, FEED],
      [3, SINGLE],
    ],
  },
  actions: {
    scope: 'post',
    expect: [
      [22, FEED],
      [3, SINGLE],
    ],
  },
  currentUser: {
    scope: 'document',
    expect: [
      [1, FEED],
      [1, SINGLE],
      [1, NONE],
    ],
  },
};
