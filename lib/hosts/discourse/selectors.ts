import type { FixturePages, SelectorExpectations } from '../selectors';

/** A stream post's own body column: embedded replies (above or below) sit deeper and never match. */
const BODY = ':scope > .row > .topic-body';
const ACTIONS = `${BODY} > .regular > .post-menu-area > nav.post-controls > .actions`;

/** Selectors of Discourse's Glimmer post stream (discourse/discourse, `frontend/discourse/app/components/post*`). */
export const selectors = {
  /** Tags Discourse's layout puts into every page's head. */
  marker:
    'meta[name="generator"][content^="Discourse "], meta[name="discourse_theme_id"], meta#data-discourse-setup',
  /** Stream posts; small actions ("pinned", "closed") are articles too, but nobody wrote them. */
  post: 'article.onscreen-post[data-post-id][data-topic-id]:not(.small-action)',
  author: `${BODY} > .topic-meta-data .names .first a[data-user-card]`,
  permalink: `${BODY} > .topic-meta-data .post-infos a.post-date`,
  body: `${BODY} > .regular > .cooked`,
  actions: ACTIONS,
  reply: `${ACTIONS} > .post-action-menu__reply`,
  /** Server-rendered JSON the app boots from; its `currentUser` is the signed-in user. */
  preloaded: 'div#data-preloaded[data-preloaded]',
} as const;

const FEED = 'feed-2026-11-22.html';
const SINGLE = 'single-post-2026-11-22.html';
const NONE = 'no-posts-2026-11-22.html';
const ORIGIN = 'https://forum.musterwerk.example';

export const fixtures: FixturePages = {
  // 12 stream items: 11 posts, 1 small action; post 13 is cloaked (not rendered).
  [FEED]: { url: `${ORIGIN}/t/wol-circle-nord-woche-4-was-habt-ihr-geschafft/1187`, posts: 11 },
  // 4 posts; the first shows two replies embedded below it, which are not stream posts.
  [SINGLE]: { url: `${ORIGIN}/t/danke-an-das-instandhaltungsteam-linie-3/1192`, posts: 4 },
  [NONE]: { url: `${ORIGIN}/u/mara.keller/preferences/account`, posts: 0 },
};

export const selectorExpectations: SelectorExpectations<keyof typeof selectors> = {
  marker: {
    scope: 'document',
    expect: [
      [3, FEED],
      [3, SINGLE],
      [3, NONE],
    ],
  },
  post: {
    scope: 'document',
    expect: [
      [11, FEED],
      [4, SINGLE],
      [0, NONE],
    ],
  },
  author: {
    scope: 'post',
    expect: [
      [11, FEED],
      [4, SINGLE],
    ],
  },
  permalink: {
    scope: 'post',
    expect: [
      [11, FEED],
      [4, SINGLE],
    ],
  },
  body: {
    scope: 'post',
    expect: [
      [11, FEED],
      [4, SINGLE],
    ],
  },
  actions: {
    scope: 'post',
    expect: [
      [11, FEED],
      [4, SINGLE],
    ],
  },
  reply: {
    scope: 'post',
    expect: [
      [11, FEED],
      [4, SINGLE],
    ],
  },
  preloaded: {
    scope: 'document',
    expect: [
      [1, FEED],
      [1, SINGLE],
      [1, NONE],
    ],
  },
};
