import { PersonSchema, PostRefSchema } from '../../db/schemas';
import { selfAndDescendants, textOf, webUrlOf } from '../read-dom';
import type { HostAdapter } from '../types';
import { senderOf } from './group';
import { selectors } from './selectors';

const TS = /^\d+\.\d+$/;
const CHANNEL = /^[CDG][A-Z0-9]+$/;
/** `app.slack.com/client/{team}/{channel}[/…]`. */
const URL_CHANNEL = /^\/client\/[TE][A-Z0-9]+\/([CDG][A-Z0-9]+)/;
/** `ca.slack-edge.com/{team}-{user}-{hash}-{size}`. */
const AVATAR_USER = /\/[TE][A-Z0-9]+-([UW][A-Z0-9]+)-/;

/** The workspace permalink Slack links the message's time to; built by hand when no time is rendered. */
function permalinkOf(post: Element, channel: string, ts: string, page: URL): string {
  const time = Array.from(post.querySelectorAll(selectors.timestamp)).find(
    (a) => a.getAttribute('data-ts') === ts,
  );
  return webUrlOf(time, page) ?? `https://app.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
}

/** Slack's web client (app.slack.com): channels and threads of messages, grouped by author. */
export const slackAdapter: HostAdapter = {
  id: 'slack',
  name: 'Slack',
  selectors,
  matches: (page, doc) => page.hostname === 'app.slack.com' && doc.querySelector(selectors.marker) !== null,
  findPosts: (root) => selfAndDescendants(root, selectors.post),
  closestPost: (node) => node.closest(selectors.post),
  readPost(post, page) {
    const ts = post.getAttribute('data-msg-ts') ?? '';
    // The thread pane can show another channel's thread than the one in the URL.
    const channel = post.getAttribute('data-msg-channel-id') || URL_CHANNEL.exec(page.pathname)?.[1] || '';
    if (!TS.test(ts) || !CHANNEL.test(channel)) return undefined;
    const sender = senderOf(post);
    const parsed = PostRefSchema.safeParse({
      host: 'slack',
      origin: page.origin,
      // A message is identified by its channel and timestamp (Slack's API does the same).
      postId: `${channel}:${ts}`,
      permalink: permalinkOf(post, channel, ts, page),
      excerpt: textOf(post.querySelector(selectors.body), 140) || undefined,
      author: { name: textOf(sender), id: sender?.getAttribute('data-message-sender') || undefined },
    });
    return parsed.success ? parsed.data : undefined;
  },
  mountPoint(post) {
    // The action toolbar exists only while a message is hovered; its content column is always there.
    // Under the text and reactions, above the "N replies" bar.
    const content = post.querySelector(selectors.content);
    return content ? { parent: content, before: post.querySelector(selectors.replyBar) } : undefined;
  },
  postTarget: 'channel',
  currentUser(doc) {
    const id = AVATAR_USER.exec(doc.querySelector(selectors.myAvatar)?.getAttribute('src') ?? '')?.[1];
    // The account button shows only an avatar; the user's own messages name them (API: auth.test).
    const mine = Array.from(doc.querySelectorAll(selectors.sender)).find(
      (sender) => id !== undefined && sender.getAttribute('data-message-sender') === id,
    );
    const parsed = PersonSchema.safeParse({ name: textOf(mine), id });
    return parsed.success ? parsed.data : undefined;
  },
};
