import type { FixturePages, SelectorExpectations } from '../selectors';

/** Selectors of Slack's web client: its `data-qa` test hooks where it has them (see HOSTS.md). */
export const selectors = {
  /** The client's outermost container, on app.slack.com only. */
  marker: '.p-client_container',
  post: '[data-qa="message_container"][data-msg-ts]',
  /** Only on the first message of a group; follow-ups by the same author have none. */
  sender: '[data-qa="message_sender_name"][data-message-sender]',
  /** Next to the sender, or in the gutter of a follow-up; links to the workspace's permalink. */
  timestamp: ':scope a.c-timestamp[data-ts]',
  body: ':scope [data-qa="message-text"]',
  /** The message's content column: sender, text, reactions, thread replies. */
  content: ':scope [data-qa="message_content"]',
  replyBar: ':scope [data-qa="message_content"] > .c-message__reply_bar',
  /** A virtualized list of messages: the channel, or the thread pane. */
  list: '.c-virtual_list__scroll_container',
  /** The account button shows the signed-in user's avatar, `ca.slack-edge.com/{team}-{user}-…`. */
  myAvatar: '[data-qa="user-button"] img',
} as const;

const FEED = 'feed-2026-11-22.html';
const SINGLE = 'single-post-2026-11-22.html';
const NONE = 'no-posts-2026-11-22.html';
const CLIENT = 'https://app.slack.com/client/T05MUSTERW';

export const fixtures: FixturePages = {
  // 12 messages, 4 of them follow-ups in three groups.
  [FEED]: { url: `${CLIENT}/C06WOLNORD`, posts: 12 },
  // The thread pane (root and four replies, one a follow-up) beside the channel's latest three messages.
  [SINGLE]: { url: `${CLIENT}/C06WOLNORD/thread/C06WOLNORD-1795336860.011900`, posts: 8 },
  // "Later", with nothing saved.
  [NONE]: { url: `${CLIENT}/later`, posts: 0 },
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
      [12, FEED],
      [8, SINGLE],
      [0, NONE],
    ],
  },
  sender: {
    scope: 'post',
    expect: [
      [8, FEED],
      [6, SINGLE],
    ],
  },
  timestamp: {
    scope: 'post',
    expect: [
      [12, FEED],
      [8, SINGLE],
    ],
  },
  body: {
    scope: 'post',
    expect: [
      [12, FEED],
      [8, SINGLE],
    ],
  },
  content: {
    scope: 'post',
    expect: [
      [12, FEED],
      [8, SINGLE],
    ],
  },
  replyBar: {
    scope: 'post',
    expect: [
      [1, FEED],
      [0, SINGLE],
    ],
  },
  list: {
    scope: 'document',
    expect: [
      [1, FEED],
      [2, SINGLE],
      [0, NONE],
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
};
