import type { FixturePages, SelectorExpectations } from '../selectors';

/**
 * Selectors of HCL Connections (ex IBM, OneUI 3): the Homepage / Profiles activity stream, its status
 * updates and their inline comments. Comments sit inside their status update, so every per-post selector
 * is anchored with `:scope >` chains that stop at the post's own content.
 */
export const selectors = {
  marker: 'body.lotusui',
  /** Connections serves its CSS and JS from /connections/resources/web/ on every component. */
  resources: 'link[href*="/connections/resources/web/"], script[src*="/connections/resources/web/"]',
  post: '.activityStreamNewsItemContainer.lotusPost, .lotusCommentItem > .lotusPost',
  /**
   * Unverified: where a stream entry keeps its id. Assumed to be the feed's `connections.rollupid`
   * (`urn:lsid:lconn.ibm.com:profiles.note:<uuid>`) as `data-rollupid`, as third-party stream widgets render it.
   */
  newsItem: '.activityStreamNewsItemContainer[data-rollupid]',
  author:
    ':scope > .lotusPostContent > .lotusPostAction .vcard, :scope > .lotusPostContent > .lotusMeta .vcard',
  /** `a#comment-<id>`: the embedded comment view's anchor; unverified in the stream's inline comments. */
  commentAnchor: ':scope > a[id^="comment-"]',
  body: ':scope > .lotusPostContent > .lotusPostDetails',
  /** Comment · Like · Repost · Save This under a status update. */
  actions: ':scope > .lotusPostContent > .lotusPostMore > ul.lotusInlinelist',
  /** A comment's meta row: author · time · Like. */
  metaActions: ':scope > .lotusPostContent > .lotusMeta > ul.lotusInlinelist',
  /** Unverified: the signed-in user's hCard in the OneUI banner. */
  currentUser: '#lotusBanner .vcard',
} as const;

const FEED = 'feed-2026-11-22.html';
const SINGLE = 'single-post-2026-11-22.html';
const NONE = 'no-posts-2026-11-22.html';
const ORIGIN = 'https://connections.musterwerk.example';

export const fixtures: FixturePages = {
  [FEED]: { url: `${ORIGIN}/homepage/web/updates/#myStream/statusUpdates/all`, posts: 11 },
  [SINGLE]: {
    url: `${ORIGIN}/profiles/html/profileView.do?userid=5172b2c0-7547-102f-9f51-f6be80987c6a`,
    posts: 5,
  },
  [NONE]: { url: `${ORIGIN}/communities/service/html/ownedcommunities`, posts: 0 },
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
  resources: {
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
      [11, FEED],
      [5, SINGLE],
      [0, NONE],
    ],
  },
  newsItem: {
    scope: 'document',
    expect: [
      [5, FEED],
      [1, SINGLE],
      [0, NONE],
    ],
  },
  author: {
    scope: 'post',
    expect: [
      [11, FEED],
      [5, SINGLE],
    ],
  },
  commentAnchor: {
    scope: 'post',
    expect: [
      [6, FEED],
      [4, SINGLE],
    ],
  },
  body: {
    scope: 'post',
    expect: [
      [11, FEED],
      [5, SINGLE],
    ],
  },
  actions: {
    scope: 'post',
    expect: [
      [5, FEED],
      [1, SINGLE],
    ],
  },
  metaActions: {
    scope: 'post',
    expect: [
      [6, FEED],
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
