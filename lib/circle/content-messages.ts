/**
 * What a content script on an intranet page exchanges with the background about circles (joined into
 * lib/messages/content-to-background.ts): it reports shared weekly logs it sees, learns whose posts
 * to mark as people on the user's relationship list, and adds a post's author to that list.
 */
import { z } from 'zod/mini';
import { PersonSchema } from '../db/schemas';
import { SeenLogSchema } from './shared-logs';

export const CirclePageSchema = z.object({
  type: z.literal('circle.page'),
  origin: z.string(),
  logs: z.array(SeenLogSchema).check(z.maxLength(50)),
});

export const CirclePageReplySchema = z.object({
  people: z.array(PersonSchema).check(z.maxLength(1000)),
  /** Whether a circle of the user's has its space on this intranet, so shared logs are worth reading. */
  readsLogs: z.boolean(),
  /** Whether the user has a circle at all, so its authors can be added from the context menu. */
  hasCircle: z.boolean(),
});
export type CirclePageReply = z.infer<typeof CirclePageReplySchema>;

/** "Add to my list" on a post: its author goes on the list of the user's newest circle. */
export const AddAuthorSchema = z.object({
  type: z.literal('circle.addAuthor'),
  origin: z.string(),
  author: PersonSchema,
});
/** False when the user has no circle (any more) whose list the author could go on. */
export const AddedAuthorSchema = z.object({ added: z.boolean() });
export type AddedAuthor = z.infer<typeof AddedAuthorSchema>;

/**
 * Background → content: "Add the author to my relationship list" was chosen in the context menu of
 * the page; which post's author was under the pointer (or focused, for the keyboard's menu key)?
 */
export const AuthorAtMenuSchema = z.object({ type: z.literal('circle.authorAtMenu'), origin: z.string() });
export const AuthorAtMenuReplySchema = z.object({ author: z.union([PersonSchema, z.null()]) });
