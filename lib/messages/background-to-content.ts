import { z } from 'zod/mini';
import { SYNC_STATES } from '../db/schemas';

/** Messages the background pushes to content scripts, e.g. a post thanked from another tab. */
export const PostThankedSchema = z.object({
  type: z.literal('post.thanked'),
  origin: z.string(),
  postId: z.string(),
  state: z.enum(SYNC_STATES),
});

/** The user switched Rückenwind off for this intranet (or revoked its permission): remove our UI. */
export const IntranetDisabledSchema = z.object({
  type: z.literal('intranet.disabled'),
  origin: z.string(),
});

export const BackgroundToContentSchema = z.discriminatedUnion('type', [
  PostThankedSchema,
  IntranetDisabledSchema,
]);
export type BackgroundToContent = z.infer<typeof BackgroundToContentSchema>;
