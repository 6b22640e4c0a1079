import type { FixturePages, SelectorExpectations } from '../selectors';

/**
 * Selectors of Confluence's server-rendered page comments (Data Center, and the markup Confluence's own
 * `comments.soy` templates produce). A reply is not inside its parent's `div.comment` but in the parent's
 * `li.comment-thread > ol.comment-threads`, so comments never nest and `:scope >` chains stay on one.
 */
export const selectors = {
  pageId: 'meta[name="ajs-page-id"]',
  /** Data Center pages carry it; Cloud is recognised by its address instead. */
  baseUrl: 'meta[name="confluence-base-url"]',
  /** `.quick-comment-container` ("Write a comment…") is a `.comment` too, but has no id. */
  post: 'div.comment[id^="comment-"]',
  author: ':scope > .comment-header a.confluence-userlink',
  userLogo: ':scope > .comment-user-logo a.userLogoLink[data-username]',
  body: ':scope > .comment-body > .comment-content',
  /** Reply · Edit · Remove · Like. */
  actions: ':scope > .comment-body > .comment-actions > ul.comment-actions-primary',
  remoteUser: 'meta[name="ajs-remote-user"]',
  userFullName: 'meta[name="ajs-current-user-fullname"]',
} as const;

const FEED = 'feed-2026-11-22.html';
const SINGLE = 'single-post-2026-11-22.html';
const NONE = 'no-posts-2026-11-22.html';
const ORIGIN = 'https://wiki.musterwerk.example';

export const fixtures: FixturePages = {
  [FEED]: { url: `${ORIGIN}/display/WOL/Circle+7+Kick-off`, posts: 9 },
  [SINGLE]: {
    url: `${ORIGIN}/pages/viewpage.action?pageId=48889214&focusedCommentId=48889302#comment-48889302`,
    posts: 4,
  },
  [NONE]: { url: `${ORIGIN}/display/WOL/Circle+Guide`, posts: 0 },
};

export const selectorExpectations: SelectorExpectations<keyof typeof selectors> = {
  pageId: {
    scope: 'document',
    expect: [
      [1, FEED],
      [1, SINGLE],
      [1, NONE],
    ],
  },
  baseUrl: {
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
      [9, FEED],
      [4, SINGLE],
      [0, NONE],
    ],
  },
  author: {
    scope: 'post',
    expect: [
      [9, FEED],
      [4, SINGLE],
    ],
  },
  userLogo: {
    scope: 'post',
    expect: [
      [9, FEED],
      [4, SINGLE],
    ],
  },
  body: {
    scope: 'post',
    expect: [
      [9, FEED],
      [4, SINGLE],
    ],
  },
  actions: {
    scope: 'post',
    expect: [
      [9, FEED],
      [4, SINGLE],
    ],
  },
  remoteUser: {
    scope: 'document',
    expect: [
      [1, FEED],
      [1, SINGLE],
      [1, NONE],
    ],
  },
  userFullName: {
    scope: 'document',
    expect: [
      [1, FEED],
      [1, SINGLE],
      [1, NONE],
    ],
  },
};
