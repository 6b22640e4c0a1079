import { z } from 'zod/mini';
import { type Person, PersonSchema, POSTED_TEXT_MAX, type PostRef } from '../../db/schemas';
import { type ReplyToMe, ReplyToMeSchema } from '../../inbound/reply-to-me';
import { clip } from '../read-dom';
import { nonce, plain, rest } from './rest';

/**
 * Replies to the signed-in user on WordPress: comments by others whose parent is one of the user's
 * comments, or top-level comments on one of the user's posts. Read from the newest approved comments
 * of the whole site, filtered here: the REST API lets only authors and up filter comments by author,
 * and intranet readers are often subscribers.
 */
const CommentSchema = z.object({
  id: z.number(),
  post: z.number(),
  parent: z.number(),
  author: z.number(),
  author_name: z.string(),
  author_url: z.string(),
  date_gmt: z.string(),
  content: z.object({ rendered: z.string() }),
  link: z.string(),
});
type Comment = z.infer<typeof CommentSchema>;
const PostSchema = z.object({
  id: z.number(),
  author: z.number(),
  link: z.string(),
  title: z.object({ rendered: z.string() }),
});
const UserSchema = z.object({ id: z.number(), name: z.string(), slug: z.string() });

const COMMENT_FIELDS = 'id,post,parent,author,author_name,author_url,date_gmt,content,link';
/** How far back a scan reads: replies older than that were found by earlier scans, or are old news. */
const SCAN_DAYS = 30;
/** Pages of 100 comments read at most per scan. */
const PAGES_MAX = 3;
const EXCERPT_MAX = 140;

export async function repliesToMe(): Promise<ReplyToMe[]> {
  const withNonce = await nonce();
  const fetchJson = async <T>(path: string, schema: z.ZodMiniType<T>) => {
    const response = await rest(path, { withNonce });
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!response.ok || !parsed.success) throw new Error(`WordPress: HTTP ${response.status} for ${path}`);
    return { data: parsed.data, pages: Number(response.headers.get('X-WP-TotalPages') ?? 1) };
  };
  const get = async <T>(path: string, schema: z.ZodMiniType<T>) => (await fetchJson(path, schema)).data;

  const meUser = await get('wp/v2/users/me?_fields=id,name,slug', UserSchema);
  const me: Person = { name: meUser.name, id: meUser.slug };
  const after = new Date(Date.now() - SCAN_DAYS * 86_400_000).toISOString();
  const recent: Comment[] = [];
  for (let page = 1; page <= PAGES_MAX; page++) {
    const batch = await fetchJson(
      `wp/v2/comments?per_page=100&page=${page}&after=${encodeURIComponent(after)}&_fields=${COMMENT_FIELDS}`,
      z.array(CommentSchema),
    );
    recent.push(...batch.data);
    // Asking past the last page is an error on WordPress.
    if (page >= batch.pages) break;
  }
  const byOthers = recent.filter((comment) => comment.author !== meUser.id);

  const parentIds = unique(byOthers.map((comment) => comment.parent).filter((id) => id !== 0));
  const parents = await getAll(parentIds, (ids) =>
    get(`wp/v2/comments?per_page=100&include=${ids}&_fields=${COMMENT_FIELDS}`, z.array(CommentSchema)),
  );
  const myComments = new Map(parents.filter((c) => c.author === meUser.id).map((c) => [c.id, c]));
  const postIds = unique(byOthers.filter((c) => c.parent === 0).map((c) => c.post));
  const posts = await getAll(postIds, (ids) =>
    get(`wp/v2/posts?per_page=100&include=${ids}&_fields=id,author,link,title`, z.array(PostSchema)),
  );
  const myPosts = new Map(posts.filter((post) => post.author === meUser.id).map((post) => [post.id, post]));

  const origin = location.origin;
  const answered = (comment: Comment): PostRef | undefined => {
    const mine = comment.parent === 0 ? undefined : myComments.get(comment.parent);
    if (mine) {
      const excerpt = clip(plain(mine.content.rendered), EXCERPT_MAX) || undefined;
      return {
        host: 'wordpress',
        origin,
        postId: `comment-${mine.id}`,
        permalink: mine.link,
        excerpt,
        author: me,
      };
    }
    const post = comment.parent === 0 ? myPosts.get(comment.post) : undefined;
    if (!post) return undefined;
    const excerpt = clip(plain(post.title.rendered), EXCERPT_MAX) || undefined;
    return {
      host: 'wordpress',
      origin,
      postId: `post-${post.id}`,
      permalink: post.link,
      excerpt,
      author: me,
    };
  };
  const replies = byOthers.flatMap((comment) => {
    const post = answered(comment);
    return post ? [{ comment, post }] : [];
  });

  // Display names are on the comments; the nicenames (our ids for people on WordPress) only where the
  // site lists the user: anyone who published a post, or everyone for those who may list users.
  const authorIds = unique(replies.map(({ comment }) => comment.author).filter((id) => id !== 0));
  const users = await getAll(authorIds, (ids) =>
    get(`wp/v2/users?per_page=100&include=${ids}&_fields=id,name,slug`, z.array(UserSchema)),
  ).catch(() => []);
  const slugs = new Map(users.map((user) => [user.id, user.slug]));

  return replies.flatMap(({ comment, post }) => {
    const parsed = ReplyToMeSchema.safeParse({
      remoteId: `comment-${comment.id}`,
      from: personOf(comment, slugs.get(comment.author)),
      to: me,
      post,
      text: clip(plain(comment.content.rendered), POSTED_TEXT_MAX),
      at: Date.parse(`${comment.date_gmt}Z`),
    });
    return parsed.success ? [parsed.data] : [];
  });
}

function personOf(comment: Comment, slug: string | undefined): Person {
  const withUrl = PersonSchema.safeParse({
    name: comment.author_name,
    id: slug,
    profileUrl: comment.author_url,
  });
  return withUrl.success ? withUrl.data : { name: comment.author_name, ...(slug ? { id: slug } : {}) };
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}

/** `include=` takes at most one page (100) of ids per request. */
async function getAll<T>(ids: number[], page: (ids: string) => Promise<T[]>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < ids.length; start += 100) {
    results.push(...(await page(ids.slice(start, start + 100).join(','))));
  }
  return results;
}
