import { z } from 'zod/mini';

/** The parts of Mattermost's API v4 answers (api.mattermost.com) the page API reads. */
export const PostSchema = z.object({
  id: z.string(),
  channel_id: z.string(),
  root_id: z.string(),
  user_id: z.string(),
  message: z.string(),
  create_at: z.number(),
});

/** A thread or a channel's posts: ids in order, posts by id. */
export const PostListSchema = z.object({
  order: z.array(z.string()),
  posts: z.record(z.string(), PostSchema),
});

export const MeSchema = z.object({ id: z.string() });
export const ChannelSchema = z.object({ id: z.string() });

/** Mattermost's AppError: `{id, message, status_code, …}`. */
export const AppErrorSchema = z.object({ id: z.string(), message: z.string() });
