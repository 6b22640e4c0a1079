import { z } from 'zod/mini';

/** The parts of Confluence Cloud's REST answers (v2, and v1 for the current user) the page API reads. */
export const CommentSchema = z.object({
  id: z.string(),
  version: z.object({ authorId: z.string(), createdAt: z.string() }),
  body: z.optional(z.object({ storage: z.optional(z.object({ value: z.string() })) })),
});

export const CommentsSchema = z.object({ results: z.array(CommentSchema) });

export const CreatedSchema = z.object({ id: z.string() });

export const BlogPostsSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      authorId: z.string(),
      createdAt: z.string(),
    }),
  ),
});

export const SpacesSchema = z.object({ results: z.array(z.object({ id: z.string(), key: z.string() })) });

/** `GET /wiki/rest/api/user/current`. */
export const CurrentUserSchema = z.object({ accountId: z.string() });

/** v2 errors: `{ errors: [{ status, code, title, detail }] }`; v1: `{ message }`. */
const ErrorSchema = z.union([
  z.object({ errors: z.array(z.object({ title: z.string(), detail: z.optional(z.nullable(z.string())) })) }),
  z.object({ message: z.string() }),
]);

/** Data Center (REST API v1): a comment with the page it is on. */
export const DcContentSchema = z.object({
  id: z.string(),
  type: z.string(),
  container: z.optional(z.object({ id: z.string() })),
});

/** Data Center: `GET /rest/api/content/{pageId}/child/comment?expand=body.storage,history,ancestors`. */
export const DcCommentsSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      history: z.object({ createdBy: z.object({ username: z.string() }), createdDate: z.string() }),
      ancestors: z.array(z.object({ id: z.string() })),
      body: z.object({ storage: z.object({ value: z.string() }) }),
    }),
  ),
});

/** Data Center: `GET /rest/api/user/current`. */
export const DcCurrentUserSchema = z.object({ username: z.string() });

/** The host's own words in a refusal, from either API's error shape. */
export function reasonOf(json: unknown): string | undefined {
  const error = ErrorSchema.safeParse(json);
  if (!error.success) return undefined;
  if ('message' in error.data) return error.data.message;
  return error.data.errors.map((item) => item.detail || item.title).join(' ') || undefined;
}
