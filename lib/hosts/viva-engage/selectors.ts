import type { FixturePages, SelectorExpectations } from '../selectors';

/**
 * Selectors of Viva Engage (engage.cloud.microsoft, formerly Yammer). Its Fluent class names are build
 * output, so only ARIA roles, test ids, hrefs and three layout classes are matched; posts are
 * recognised by owning an action row (see the adapter). Replies nest inside their thread, so the
 * adapter keeps only the `:scope` matches a post owns.
 */
export const selectors = {
  marker: '[role="main"]',
  post: '[role="article"], .qaThreadStarter, .y-fixedGridColumn',
  actionRow: ':scope [data-testid="overflow-set"]',
  author: ':scope a[href*="/users/"]',
  threadLink: ':scope a[href*="/threads/"]',
  moreActions: ':scope [aria-haspopup="menu"], :scope [aria-haspopup="true"]',
  /** The Microsoft 365 me-control; unverified on Engage, and absent until its flyout renders. */
  currentUser: '#mectrl_currentAccount_primary',
} as const;

const FEED = 'feed-2026-11-22.html';
const SINGLE = 'single-post-2026-11-22.html';
const NONE = 'no-posts-2026-11-22.html';
const GROUP = 'eyJfdHlwZSI6Ikdyb3VwIiwiaWQiOiIyMjEzOTU1MTc0NDAifQ';
const THREAD = 'eyJfdHlwZSI6IlRocmVhZCIsImlkIjoiMzI5NzcwMjM3NzcyNTk1MiJ9';

export const fixtures: FixturePages = {
  [FEED]: { url: `https://engage.cloud.microsoft/main/groups/${GROUP}/all`, posts: 13 },
  [SINGLE]: { url: `https://engage.cloud.microsoft/main/org/musterwerk.example/threads/${THREAD}`, posts: 4 },
  [NONE]: { url: `https://engage.cloud.microsoft/main/groups/${GROUP}/about`, posts: 0 },
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
  // The single thread's right rail is a .y-fixedGridColumn without an action row: 5 matches, 4 posts.
  post: {
    scope: 'document',
    expect: [
      [13, FEED],
      [5, SINGLE],
      [0, NONE],
    ],
  },
  actionRow: {
    scope: 'post',
    expect: [
      [13, FEED],
      [4, SINGLE],
    ],
  },
  author: {
    scope: 'post',
    expect: [
      [13, FEED],
      [4, SINGLE],
    ],
  },
  threadLink: {
    scope: 'post',
    expect: [
      [13, FEED],
      [4, SINGLE],
    ],
  },
  moreActions: {
    scope: 'post',
    expect: [
      [13, FEED],
      [4, SINGLE],
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
