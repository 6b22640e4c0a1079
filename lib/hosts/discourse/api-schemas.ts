import { z } from 'zod/mini';

/** The parts of Discourse's JSON answers (docs.discourse.org) the page API reads. */
export const CreatedPostSchema = z.object({
  id: z.number(),
  topic_id: z.number(),
  post_number: z.number(),
});

/** `GET /posts/{id}/replies.json`: the posts that reply to it. */
export const RepliesSchema = z.array(
  z.object({ id: z.number(), user_id: z.number(), created_at: z.string() }),
);

/** `GET /posts/{id}.json`: one post with its source text. */
export const PostSourceSchema = z.object({ id: z.number(), raw: z.string() });

/** `GET /topics/created-by/{username}.json`. */
export const CreatedTopicsSchema = z.object({
  topic_list: z.object({
    topics: z.array(z.object({ id: z.number(), title: z.string(), created_at: z.string() })),
  }),
});

/** Refusals: `{"errors": [...], "error_type": …}`, or the bare `["BAD CSRF"]`. */
export const ErrorSchema = z.union([z.object({ errors: z.array(z.string()) }), z.array(z.string())]);
