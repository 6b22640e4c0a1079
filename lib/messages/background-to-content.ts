import { z } from 'zod/mini';
import { HostIdSchema, POSTED_TEXT_MAX, PostRefSchema, SYNC_STATES } from '../db/schemas';

/** Messages the background pushes to content scripts, e.g. a post thanked from another tab. */
export const PostThankedSchema = z.object({
  type: z.literal('post.thanked'),
  origin: z.string(),
  postId: z.string(),
  state: z.enum(SYNC_STATES),
  error: z.optional(z.string()),
});

/**
 * A work-out-loud post of the user was saved in another tab, or its delivery ended: the post it links
 * shows it, or, when it links none, the post it was written from (in that tab, known by `id`).
 */
export const WolPostStateSchema = z.object({
  type: z.literal('wolPost.state'),
  origin: z.string(),
  id: z.string(),
  postId: z.optional(z.string()),
  state: z.enum(SYNC_STATES),
  error: z.optional(z.string()),
});
export type WolPostState = z.infer<typeof WolPostStateSchema>;

/** The user switched Rückenwind off for this intranet (or revoked its permission): remove our UI. */
export const IntranetDisabledSchema = z.object({
  type: z.literal('intranet.disabled'),
  origin: z.string(),
});

/**
 * The page transport: the background asks a content script on the intranet to make the write as the
 * signed-in user (same origin: the session cookie and the host's CSRF token apply).
 */
export const DeliverSchema = z.object({
  type: z.literal('outbox.deliver'),
  origin: z.string(),
  host: HostIdSchema,
  text: z.string().check(z.minLength(1), z.maxLength(POSTED_TEXT_MAX)),
  /** The post a thank-you replies to; absent for a new post. */
  post: z.optional(PostRefSchema),
  target: z.optional(z.string()),
  /** An earlier attempt may have landed: look for our write made since then before writing again. */
  uncertainSince: z.optional(z.number()),
});
export type Deliver = z.infer<typeof DeliverSchema>;

export const DeliveryResultSchema = z.union([
  z.object({ ok: z.literal(true), remoteId: z.string().check(z.minLength(1), z.maxLength(200)) }),
  z.object({
    ok: z.literal(false),
    kind: z.enum(['retry', 'uncertain', 'permanent']),
    reason: z.string().check(z.maxLength(500)),
    retryAfterMs: z.optional(z.number()),
  }),
]);
export type DeliveryResult = z.infer<typeof DeliveryResultSchema>;

export const BackgroundToContentSchema = z.discriminatedUnion('type', [
  PostThankedSchema,
  WolPostStateSchema,
  IntranetDisabledSchema,
  DeliverSchema,
]);
export type BackgroundToContent = z.infer<typeof BackgroundToContentSchema>;
