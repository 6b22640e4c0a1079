import type { FixturePages, SelectorExpectations } from '../selectors';

/**
 * User and user talk namespaces as link titles spell them, on English and German wikis. A signature links
 * to at least one of the two pages.
 */
const USER_NAMESPACES = [
  'User',
  'User talk',
  'Benutzer',
  'Benutzer Diskussion',
  'Benutzerin',
  'Benutzerin Diskussion',
];

/** The rendered page text, not the skin around it. */
const CONTENT = '#mw-content-text > .mw-parser-output';

/**
 * Selectors of MediaWiki 1.39 (core, Vector). Core talk pages have no element per comment: a comment is the
 * paragraph, indented reply or list item that ends in a signature (a user link, then a date).
 */
export const selectors = {
  marker: 'meta[name="generator"][content^="MediaWiki "]',
  /** Reading a page: an edit preview's signatures are not comments yet, and history rows look like them. */
  readingView: 'body.action-view',
  content: CONTENT,
  commentBlock: `${CONTENT} p, ${CONTENT} dd, ${CONTENT} li`,
  /** Inside a block these are replies (`::`, `*:`) or the next paragraph, not the block's own comment. */
  nestedBlock: 'p, dl, dd, ul, ol, li',
  userLink: USER_NAMESPACES.map((namespace) => `a[title^="${namespace}:"]`).join(', '),
  /** The anchor of a section heading (1.39 markup); a comment's permalink points at its section. */
  sectionHeadline: '.mw-headline[id]',
  currentUser: '#pt-userpage a[href]',
};

const TALK = 'talk-page-2026-11-22.html';
const THREAD = 'user-talk-thread-2026-11-22.html';
const NONE = 'no-posts-2026-11-22.html';

/**
 * Saved by tests/hosts/mediawiki/save-fixtures.mjs from the real wiki (tests/hosts/mediawiki/seed.mjs),
 * signed in as Mara. On a wiki the talk page is the feed and one thread with its replies the single post.
 */
export const fixtures: FixturePages = {
  // Three sections: replies two deep, votes in a list, a mention in a comment, one unsigned comment.
  [TALK]: { url: 'http://127.0.0.1:5393/index.php/Talk:Release_checklist', posts: 10 },
  // One thread on Bob's talk page: Alice's comment and two replies.
  [THREAD]: { url: 'http://127.0.0.1:5393/index.php/User_talk:Bob', posts: 3 },
  // An article: headings, lists, links, no signatures.
  [NONE]: { url: 'http://127.0.0.1:5393/index.php/Release_checklist', posts: 0 },
};

export const selectorExpectations: SelectorExpectations<keyof typeof selectors> = {
  marker: {
    scope: 'document',
    expect: [
      [1, TALK],
      [1, THREAD],
      [1, NONE],
    ],
  },
  readingView: {
    scope: 'document',
    expect: [
      [1, TALK],
      [1, THREAD],
      [1, NONE],
    ],
  },
  content: {
    scope: 'document',
    expect: [
      [1, TALK],
      [1, THREAD],
      [1, NONE],
    ],
  },
  // Talk: 3 paragraphs (one unsigned), 6 indented replies, 2 votes. Article: 2 paragraphs, 6 list items.
  commentBlock: {
    scope: 'document',
    expect: [
      [11, TALK],
      [3, THREAD],
      [8, NONE],
    ],
  },
  // Comments that carry replies of their own.
  nestedBlock: {
    scope: 'post',
    expect: [
      [3, TALK],
      [1, THREAD],
    ],
  },
  userLink: {
    scope: 'post',
    expect: [
      [10, TALK],
      [3, THREAD],
    ],
  },
  sectionHeadline: {
    scope: 'document',
    expect: [
      [3, TALK],
      [1, THREAD],
      [2, NONE],
    ],
  },
  currentUser: {
    scope: 'document',
    expect: [
      [1, TALK],
      [1, THREAD],
      [1, NONE],
    ],
  },
};
