import { z } from 'zod/mini';
import { PersonSchema, POSTED_TEXT_MAX, PostRefSchema } from '../db/schemas';

/** At most this many replies travel in one message: a scan reads the user's recent posts only. */
export const REPLIES_MAX = 200;

/**
 * A reply by someone else to one of the user's posts, as a host's API found it. Whether it is a
 * thank-you is decided by `isThankYou`, not by the host adapter.
 */
export const ReplyToMeSchema = z.object({
  /** The reply's id on the host (`comment-45`, `c-Bob-10:47, 16 November 2026 (UTC)`): with host and origin, its key. */
  remoteId: z.string().check(z.minLength(1), z.maxLength(200)),
  from: PersonSchema,
  /** The signed-in user, as the host knows them. */
  to: PersonSchema,
  /** The post it answers, usually the user's own; absent for a mention that answers no post. */
  post: z.optional(PostRefSchema),
  /** The reply as plain text. */
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(POSTED_TEXT_MAX)),
  /** When it was written, as the host says (ms since the epoch). */
  at: z.number(),
});
export type ReplyToMe = z.infer<typeof ReplyToMeSchema>;
