import { z } from 'zod/mini';
import { SYNC_STATES } from '../db/schemas';

/** Messages the background pushes to content scripts, e.g. a post thanked from another tab. */
export const PostThankedSchema = z.object({
  type: z.literal('post.thanked'),
  origin: z.string(),
  postId: z.string(),
  state: z.enum(SYNC_STATES),
});

export const BackgroundToContentSchema = z.discriminatedUnion('type', [PostThankedSchema]);
export type BackgroundToContent = z.infer<typeof BackgroundToContentSchema>;
