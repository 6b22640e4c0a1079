import type { FixturePages, SelectorExpectations } from '../selectors';

/**
 * A comment's own part, never one of its replies' (they sit in a nested <ol> of the same <li>). Classic
 * themes print comments with wp_list_comments(), which wraps each in `.comment-body`; block themes (6.1's
 * default, Twenty Twenty-Three) with the comment-template block, whose blocks are the <li>'s children or
 * nested in its columns and groups.
 */
const ownPart = (classic: string, block: string) =>
  `:scope > .comment-body ${classic}, :scope > ${block}, :scope > :not(ol) ${block}`;

/** Selectors of self-hosted WordPress: classic and block themes, signed in (admin bar) or not. */
export const selectors = {
  /** Security plugins often drop the generator tag; the REST API's discovery link usually stays. */
  marker: 'meta[name="generator"][content^="WordPress"], link[rel="https://api.w.org/"]',
  comment: 'li.comment[id^="comment-"]',
  /** A blog post, where the theme prints its byline (a link to the author's archive). */
  entry: '[id^="post-"].type-post:has(a[rel~="author"])',
  commentAuthor: ownPart('.comment-author .fn', '.wp-block-comment-author-name'),
  /** The date links to `…#comment-N`. */
  commentPermalink: ownPart('.comment-metadata > a[href*="#comment-"]', '.wp-block-comment-date a'),
  commentText: ownPart('.comment-content', '.wp-block-comment-content'),
  /** Where the button goes: next to "Reply"… */
  commentReply: ownPart('.reply', '.wp-block-comment-reply-link'),
  /** …or, where replies are closed or the thread is at its deepest, next to the date. */
  commentDate: ownPart('.comment-metadata', '.wp-block-comment-date'),
  entryAuthor: ':scope a[rel~="author"]',
  entryText: ':scope .entry-content, :scope .entry-summary',
  /** On a post's own page, its address. */
  canonical: 'link[rel="canonical"]',
  currentUser: '#wp-admin-bar-user-info .display-name',
};

const FEED = 'feed-2026-11-22.html';
const SINGLE = 'single-post-2026-11-22.html';
const SINGLE_BLOCK_THEME = 'single-post-block-theme-2026-11-22.html';
const NONE = 'no-posts-2026-11-22.html';

/** Saved by tests/hosts/wordpress/save-fixtures.mjs, signed in as Mara Schneider. */
export const fixtures: FixturePages = {
  // Twenty Twenty-One's home page prints no bylines: nothing to thank there.
  [FEED]: { url: 'http://127.0.0.1:5392/', posts: 0 },
  // The post and its six comments (threads three deep, two by guests).
  [SINGLE]: { url: 'http://127.0.0.1:5392/2026/11/onboarding-wiki-ist-online/', posts: 7 },
  // Twenty Twenty-Three prints no post wrapper on a post's page: its six comments.
  [SINGLE_BLOCK_THEME]: { url: 'http://127.0.0.1:5392/2026/11/onboarding-wiki-ist-online/', posts: 6 },
  [NONE]: { url: 'http://127.0.0.1:5392/?s=Quantencomputer', posts: 0 },
};

export const selectorExpectations: SelectorExpectations<keyof typeof selectors> = {
  marker: {
    scope: 'document',
    expect: [
      [2, FEED],
      [2, SINGLE],
      [2, SINGLE_BLOCK_THEME],
      [2, NONE],
    ],
  },
  comment: {
    scope: 'document',
    expect: [
      [0, FEED],
      [6, SINGLE],
      [6, SINGLE_BLOCK_THEME],
      [0, NONE],
    ],
  },
  entry: {
    scope: 'document',
    expect: [
      [0, FEED],
      [1, SINGLE],
      [0, SINGLE_BLOCK_THEME],
      [0, NONE],
    ],
  },
  commentAuthor: {
    scope: 'post',
    expect: [
      [6, SINGLE],
      [6, SINGLE_BLOCK_THEME],
    ],
  },
  commentPermalink: {
    scope: 'post',
    expect: [
      [6, SINGLE],
      [6, SINGLE_BLOCK_THEME],
    ],
  },
  commentText: {
    scope: 'post',
    expect: [
      [6, SINGLE],
      [6, SINGLE_BLOCK_THEME],
    ],
  },
  commentReply: {
    scope: 'post',
    expect: [
      [6, SINGLE],
      [6, SINGLE_BLOCK_THEME],
    ],
  },
  commentDate: {
    scope: 'post',
    expect: [
      [6, SINGLE],
      [6, SINGLE_BLOCK_THEME],
    ],
  },
  entryAuthor: {
    scope: 'post',
    expect: [
      [1, SINGLE],
      [0, SINGLE_BLOCK_THEME],
    ],
  },
  entryText: { scope: 'post', expect: [[1, SINGLE]] },
  canonical: {
    scope: 'document',
    expect: [
      [0, FEED],
      [1, SINGLE],
      [1, SINGLE_BLOCK_THEME],
      [0, NONE],
    ],
  },
  currentUser: {
    scope: 'document',
    expect: [
      [1, FEED],
      [1, SINGLE],
      [1, SINGLE_BLOCK_THEME],
      [1, NONE],
    ],
  },
};
