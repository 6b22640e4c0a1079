import type { HostId, Person, PostRef } from '../db/schemas';
import type { ReplyToMe } from '../inbound/reply-to-me';
import type { DeliveryResult } from '../messages/background-to-content';

/**
 * What every host adapter implements: pure functions that read the host's DOM. They never touch the
 * network or the database; the content script decides what to do with what they find.
 */
export type HostAdapter = {
  id: HostId;
  /** As users know the product; also its row in the README's table of supported intranets. */
  name: string;
  /**
   * Every selector the adapter relies on, so "Check this page" can show which ones match nothing.
   * Selectors with `:scope` are read inside each post, the others in the whole page.
   */
  selectors: Readonly<Record<string, string>>;
  /** Whether this page is served by the host (checked once per page). */
  matches: (page: URL, doc: Document) => boolean;
  /** Posts inside `root`, including `root` itself when it is one. */
  findPosts: (root: ParentNode) => Element[];
  /** The post a node belongs to, so a re-rendered part of a post is traced back to it. */
  closestPost: (node: Element) => Element | null;
  /** Reads a post; `undefined` when it lacks what a thank-you needs (e.g. a deleted author). */
  readPost: (post: Element, page: URL) => PostRef | undefined;
  /**
   * Optional, for speed: just what the buttons show (the post's id and its author's name), read without
   * the links, excerpt and validation of `readPost`, which then runs only when the user acts on the
   * post. It must refuse what `readPost` would refuse for a missing id or author. Without it the buttons
   * are mounted from `readPost`.
   */
  identifyPost?: (post: Element) => PostIdentity | undefined;
  /** Where the buttons go: appended to `parent`, or inserted before `before`. */
  mountPoint: (post: Element) => { parent: Element; before?: Node | null } | undefined;
  /** What a new post can be aimed at on this host, if it has such things. */
  postTarget?: 'group' | 'space' | 'channel';
  /**
   * The host's own API, called from the content script with the page's session (the page transport).
   * Hosts without one here are reached from the background with a token (issue 4).
   */
  api?: PageApi;
  /** The signed-in user, as the host shows them. */
  currentUser: (doc: Document, page: URL) => Person | undefined;
};

export type PostIdentity = Pick<PostRef, 'postId'> & { authorName: string };

/** Writes through the host's API as the signed-in user, and finds our own earlier writes. */
export type PageApi = {
  /** Replies to a post (a thank-you). */
  reply: (post: PostRef, text: string) => Promise<DeliveryResult>;
  /** A new post (working out loud), in `target` where the host has groups or channels. */
  createPost: (text: string, target: string | undefined) => Promise<DeliveryResult>;
  /**
   * After an uncertain attempt: the id of a write of ours with exactly this text made since `since`,
   * in reply to `post` (or as a new post in `target`), so it is never made twice.
   */
  findOwnWrite: (
    post: PostRef | undefined,
    text: string,
    since: number,
    target?: string,
  ) => Promise<string | undefined>;
  /**
   * Inbound: recent replies by others to the signed-in user's own posts, so that the thanks among them
   * count as received. Hosts without it are not scanned.
   */
  repliesToMe?: () => Promise<ReplyToMe[]>;
};
