import type { FixturePages, SelectorExpectations } from '../selectors';

/** Selectors of Mattermost's web app (mattermost/mattermost, `webapp/channels/src/components/post*`). */
export const selectors = {
  marker:
    'meta[name="application-name"][content="Mattermost"], meta[property="og:site_name"][content="Mattermost"]',
  /** The app's mount points, for servers whose `root.html` was rebranded. */
  appRoot: 'body.app__body > #root + #root-portal',
  /** Centre posts are `post_{id}`, thread-viewer posts `rhsPost_{id}`; system messages have no author. */
  post: 'div.post[id^="post_"]:not(.post--system), div.post[id^="rhsPost_"]:not(.post--system)',
  /** Also in a follow-up ("same--user") post, where CSS hides it. */
  author: ':scope .post__header .col__name .user-popover',
  /** `/api/v4/users/{userId}/image`; a centre follow-up has none. */
  avatar: ':scope .post__img img.Avatar',
  /** `/{team}/pl/{postId}`; a centre follow-up shows it only while hovered. */
  permalink: ':scope .post__header a.post__permalink',
  body: ':scope .post__body .post-message__text',
  /** Under the message, where reactions and acknowledgements go; rendered even when empty. */
  actions: ':scope .post__body > .post__body-reactions-acks',
  /** The lists a group of consecutive posts lives in: the channel and the thread viewer. */
  list: '#postListContent, .ThreadViewer',
  /** The account menu shows only the signed-in user's avatar. */
  myAvatar: '#userAccountMenuButton img.Avatar',
  /** The signed-in user's own posts carry `current--user`. */
  myName: '.post.current--user .post__header .col__name .user-popover',
} as const;

const FEED = 'feed-2026-11-22.html';
const SINGLE = 'single-post-2026-11-22.html';
const NONE = 'no-posts-2026-11-22.html';
const ORIGIN = 'https://chat.musterwerk.example';

export const fixtures: FixturePages = {
  // 12 posts (three groups of consecutive posts) and one system message.
  [FEED]: { url: `${ORIGIN}/werk-nord/channels/wol-circle-nord`, posts: 12 },
  // The Threads view: a root post and four replies, two in a row by the signed-in user.
  [SINGLE]: { url: `${ORIGIN}/werk-nord/threads/5oyrz98hj5eg33qkfsypc5shoi`, posts: 5 },
  // A new channel: the intro and a system message only.
  [NONE]: { url: `${ORIGIN}/werk-nord/channels/kantine-feedback`, posts: 0 },
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
  appRoot: {
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
      [12, FEED],
      [5, SINGLE],
      [0, NONE],
    ],
  },
  author: {
    scope: 'post',
    expect: [
      [12, FEED],
      [5, SINGLE],
    ],
  },
  avatar: {
    scope: 'post',
    expect: [
      [8, FEED],
      [5, SINGLE],
    ],
  },
  permalink: {
    scope: 'post',
    expect: [
      [8, FEED],
      [5, SINGLE],
    ],
  },
  body: {
    scope: 'post',
    expect: [
      [12, FEED],
      [5, SINGLE],
    ],
  },
  actions: {
    scope: 'post',
    expect: [
      [12, FEED],
      [5, SINGLE],
    ],
  },
  list: {
    scope: 'document',
    expect: [
      [1, FEED],
      [1, SINGLE],
      [1, NONE],
    ],
  },
  myAvatar: {
    scope: 'document',
    expect: [
      [1, FEED],
      [1, SINGLE],
      [1, NONE],
    ],
  },
  myName: {
    scope: 'document',
    expect: [
      [1, FEED],
      [2, SINGLE],
      [0, NONE],
    ],
  },
};
