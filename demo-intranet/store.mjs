/** In-memory people and posts. Everything is lost on restart, which is what a demo wants. */

/**
 * @typedef {import('./seed.mjs').Person} Person
 * @typedef {import('./seed.mjs').SeedPost} SeedPost
 * @typedef {SeedPost & { replyIds: string[] }} PostRecord
 * @typedef {{ id: string, name: string, profileUrl: string }} ApiAuthor
 * @typedef {{ id: string, parentId: string | null, author: ApiAuthor, createdAt: string, body: string, replies: ApiPost[] }} ApiPost
 * @typedef {ReturnType<typeof createStore>} Store
 */

const PAGE_SIZE = 10;
/** Replies nest two levels deep; a reply to a reply of a reply joins that thread instead, as on Facebook. */
const MAX_REPLY_DEPTH = 2;

/** @param {string} userId */
export const profileUrlOf = (userId) => `/people/${encodeURIComponent(userId)}`;

/**
 * @param {{ people: Person[], posts: SeedPost[] }} seed posts in creation order
 */
export function createStore({ people, posts }) {
  /** @type {Map<string, Person>} */
  const users = new Map(people.map((person) => [person.id, person]));
  /** @type {Map<string, PostRecord>} */
  const postsById = new Map();
  /** Top-level post ids, newest first. */
  /** @type {string[]} */
  const topLevelIds = [];
  let lastId = 0;

  /** @param {SeedPost} post */
  const insert = (post) => {
    /** @type {PostRecord} */
    const record = { ...post, replyIds: [] };
    postsById.set(record.id, record);
    if (record.parentId === null) topLevelIds.unshift(record.id);
    else postsById.get(record.parentId)?.replyIds.push(record.id);
    lastId = Math.max(lastId, Number(record.id));
    return record;
  };
  for (const post of posts) insert(post);

  /** @param {PostRecord} post */
  const depthOf = (post) => {
    let depth = 0;
    for (
      let parentId = post.parentId;
      parentId !== null;
      parentId = postsById.get(parentId)?.parentId ?? null
    ) {
      depth += 1;
    }
    return depth;
  };

  /** @param {string} id */
  const getPost = (id) => postsById.get(id);

  /** @param {PostRecord} post */
  const rootOf = (post) => {
    let root = post;
    for (let parent = root.parentId ? getPost(root.parentId) : undefined; parent; ) {
      root = parent;
      parent = root.parentId ? getPost(root.parentId) : undefined;
    }
    return root;
  };

  /**
   * @param {PostRecord} post
   * @returns {ApiPost}
   */
  const toJson = (post) => ({
    id: post.id,
    parentId: post.parentId,
    author: {
      id: post.authorId,
      name: users.get(post.authorId)?.name ?? post.authorId,
      profileUrl: profileUrlOf(post.authorId),
    },
    createdAt: post.createdAt,
    body: post.body,
    replies: post.replyIds.flatMap((id) => {
      const reply = getPost(id);
      return reply ? [toJson(reply)] : [];
    }),
  });

  return {
    users,
    posts: postsById,
    topLevelIds,
    getPost,
    rootOf,
    depthOf,
    toJson,

    /**
     * @param {number} page 1-based
     * @returns {{ posts: PostRecord[], nextPage: number | null }}
     */
    listPage(page) {
      const start = (page - 1) * PAGE_SIZE;
      const ids = topLevelIds.slice(start, start + PAGE_SIZE);
      return {
        posts: ids.flatMap((id) => postsById.get(id) ?? []),
        nextPage: start + PAGE_SIZE < topLevelIds.length ? page + 1 : null,
      };
    },

    /**
     * @param {{ authorId: string, body: string, parent?: PostRecord }} post
     * @returns {PostRecord}
     */
    addPost({ authorId, body, parent }) {
      const threadParent =
        parent && depthOf(parent) >= MAX_REPLY_DEPTH ? getPost(parent.parentId ?? '') : parent;
      return insert({
        id: String(lastId + 1),
        authorId,
        createdAt: new Date().toISOString(),
        body,
        parentId: threadParent?.id ?? null,
      });
    },
  };
}
