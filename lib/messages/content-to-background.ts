import { z } from 'zod/mini';
import { MESSAGE_MAX, PersonSchema, PostRefSchema, RECIPIENTS_MAX, SYNC_STATES } from '../db/schemas';

/** Messages a content script on an intranet page sends to the background. */
export const SaveRecognitionSchema = z.object({
  type: z.literal('recognition.save'),
  post: PostRefSchema,
  from: PersonSchema,
  to: z.array(PersonSchema).check(z.minLength(1), z.maxLength(RECIPIENTS_MAX)),
  message: z.string().check(z.trim(), z.minLength(1), z.maxLength(MESSAGE_MAX)),
  value: z.optional(z.string().check(z.maxLength(80))),
});

export const PostsStatusSchema = z.object({
  type: z.literal('posts.status'),
  origin: z.string(),
  postIds: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(500)),
});

export const ContentToBackgroundSchema = z.discriminatedUnion('type', [
  SaveRecognitionSchema,
  PostsStatusSchema,
]);
export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;

export const SavedRecognitionSchema = z.object({ id: z.string(), state: z.enum(SYNC_STATES) });
export type SavedRecognition = z.infer<typeof SavedRecognitionSchema>;
export const PostsStatusReplySchema = z.object({ thanked: z.array(z.string()) });
export type PostsStatusReply = z.infer<typeof PostsStatusReplySchema>;

/** What each content→background message answers with. */
export type ContentReplies = {
  'recognition.save': SavedRecognition;
  'posts.status': PostsStatusReply;
};
