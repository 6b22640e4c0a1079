import { PersonSchema, PostRefSchema } from '../../db/schemas';
import { selfAndDescendants, textOf, webUrlOf } from '../read-dom';
import type { HostAdapter } from '../types';
import { mattermostApi } from './api';
import { groupLeaderOf } from './group';
import { selectors } from './selectors';

const POST_ID = /^(?:post|rhsPost)_([a-z0-9]{26})$/;
const AVATAR_USER_ID = /\/api\/v4\/users\/([a-z0-9]{26})\/image/;

const userIdOf = (el: Element | null | undefined) =>
  AVATAR_USER_ID.exec(el?.querySelector(selectors.avatar)?.getAttribute('src') ?? '')?.[1];

/** `/{team}` (below the server's subpath, if any): from the post's own time link, else from the page. */
function teamPathOf(post: Element, page: URL): string | undefined {
  const timeLink = webUrlOf(post.querySelector(selectors.permalink), page);
  const fromLink = timeLink && /^(.*)\/pl\/[a-z0-9]{26}$/.exec(new URL(timeLink).pathname)?.[1];
  return fromLink || /^(.*?\/[^/]+)\/(?:channels|threads|pl|messages)\//.exec(page.pathname)?.[1];
}

/** Mattermost (customer-hosted): channels of posts, consecutive posts by one author grouped. */
export const mattermostAdapter: HostAdapter = {
  id: 'mattermost',
  name: 'Mattermost',
  selectors,
  matches: (_page, doc) => doc.querySelector(`${selectors.marker}, ${selectors.appRoot}`) !== null,
  findPosts: (root) => selfAndDescendants(root, selectors.post),
  closestPost: (node) => node.closest(selectors.post),
  readPost(post, page) {
    const postId = POST_ID.exec(post.id)?.[1];
    const teamPath = teamPathOf(post, page);
    const leader = groupLeaderOf(post);
    const parsed = PostRefSchema.safeParse({
      host: 'mattermost',
      origin: page.origin,
      postId: postId ?? '',
      permalink: postId && teamPath ? new URL(`${teamPath}/pl/${postId}`, page.origin).href : undefined,
      excerpt: textOf(post.querySelector(selectors.body), 140) || undefined,
      author: {
        // A follow-up keeps its (hidden) name, but take the group's if a version ever drops it.
        name: textOf(post.querySelector(selectors.author)) || textOf(leader?.querySelector(selectors.author)),
        id: userIdOf(post) ?? userIdOf(leader),
      },
    });
    return parsed.success ? parsed.data : undefined;
  },
  mountPoint(post) {
    // The hover menu (.post-menu) exists only while hovered; the reactions row is always there.
    const actions = post.querySelector(selectors.actions);
    return actions ? { parent: actions } : undefined;
  },
  postTarget: 'channel',
  api: mattermostApi,
  currentUser(doc) {
    const id = AVATAR_USER_ID.exec(doc.querySelector(selectors.myAvatar)?.getAttribute('src') ?? '')?.[1];
    // The account menu names the user only while open; their own posts name them (API: /api/v4/users/me).
    const parsed = PersonSchema.safeParse({ name: textOf(doc.querySelector(selectors.myName)), id });
    return parsed.success ? parsed.data : undefined;
  },
};
