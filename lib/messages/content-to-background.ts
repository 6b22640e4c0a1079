import { z } from 'zod/mini';
import {
  AddAuthorSchema,
  type AddedAuthor,
  type CirclePageReply,
  CirclePageSchema,
} from '../circle/content-messages';
import {
  AddressFormSchema,
  HashtagSchema,
  HostIdSchema,
  MESSAGE_MAX,
  PersonSchema,
  POSTED_TEXT_MAX,
  PostRefSchema,
  RECIPIENTS_MAX,
  SYNC_STATES,
  TaughtSelectorsSchema,
  ValueNameSchema,
  WOL_TEMPLATES,
} from '../db/schemas';
import { REPLIES_MAX, ReplyToMeSchema } from '../inbound/reply-to-me';
import { ListTargetsSchema } from '../targets/messages';
import type { TargetList } from '../targets/target';

/** Messages a content script on an intranet page sends to the background. */
export const SaveRecognitionSchema = z.object({
  type: z.literal('recognition.save'),
  post: PostRefSchema,
  from: PersonSchema,
  to: z.array(PersonSchema).check(z.minLength(1), z.maxLength(RECIPIENTS_MAX)),
  message: z.string().check(z.trim(), z.minLength(1), z.maxLength(MESSAGE_MAX)),
  value: z.optional(z.string().check(z.maxLength(80))),
  postedText: z.string().check(z.trim(), z.minLength(1), z.maxLength(POSTED_TEXT_MAX)),
});

/** The first message of a content script: is this intranet enabled, and with which settings. */
export const PageHelloSchema = z.object({
  type: z.literal('page.hello'),
  origin: z.string(),
  /** Set by a script whose host API can look for thanks the user received: it is told when to. */
  scansFor: z.optional(HostIdSchema),
});

export const SaveWolPostSchema = z.object({
  type: z.literal('wolPost.save'),
  origin: z.string(),
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(POSTED_TEXT_MAX)),
  template: z.optional(z.enum(WOL_TEMPLATES)),
  target: z.optional(z.string().check(z.maxLength(200))),
  linkedPost: z.optional(PostRefSchema),
});

/** Try again to deliver the user's latest thank-you on a post whose delivery failed. */
export const RetryThanksSchema = z.object({
  type: z.literal('recognition.retry'),
  origin: z.string(),
  postId: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** Try again to deliver one of the user's work-out-loud posts whose delivery failed. */
export const RetryWolPostSchema = z.object({
  type: z.literal('wolPost.retry'),
  origin: z.string(),
  id: z.string().check(z.minLength(1), z.maxLength(200)),
});

export const PostsStatusSchema = z.object({
  type: z.literal('posts.status'),
  origin: z.string(),
  postIds: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(500)),
});

/** Replies to the user's posts that a scan of the intranet found; the background keeps the thanks. */
export const RepliesFoundSchema = z.object({
  type: z.literal('replies.found'),
  origin: z.string(),
  host: HostIdSchema,
  replies: z.array(ReplyToMeSchema).check(z.maxLength(REPLIES_MAX)),
});

/** The first click on a button: inject the composers into the sender's frame (lib/inject/composers-contract.ts). */
export const LoadComposersSchema = z.object({
  type: z.literal('composers.load'),
  origin: z.string(),
});

export const ContentToBackgroundSchema = z.discriminatedUnion('type', [
  PageHelloSchema,
  SaveRecognitionSchema,
  SaveWolPostSchema,
  RetryThanksSchema,
  RetryWolPostSchema,
  PostsStatusSchema,
  RepliesFoundSchema,
  LoadComposersSchema,
  CirclePageSchema,
  AddAuthorSchema,
  ListTargetsSchema,
]);
export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;

export const SavedRecognitionSchema = z.object({ id: z.string(), state: z.enum(SYNC_STATES) });
export type SavedRecognition = z.infer<typeof SavedRecognitionSchema>;
export const PageHelloReplySchema = z.object({
  values: z.optional(z.array(ValueNameSchema)),
  addressForm: AddressFormSchema,
  wolHashtag: HashtagSchema,
  /** On a site the user taught Rückenwind: the selectors the generic adapter is built from. */
  taught: z.optional(TaughtSelectorsSchema),
  /** Time to look for thanks received on this intranet (at most every few minutes per origin). */
  scanReplies: z.optional(z.boolean()),
});
export type PageHelloReply = z.infer<typeof PageHelloReplySchema>;
export const SavedWolPostSchema = z.object({ id: z.string() });
export const RetriedSchema = z.object({ retried: z.boolean() });
/**
 * Per post, the delivery state of the user's latest thank-you on it; posts never thanked are absent.
 * `wol`: per post, the user's latest work-out-loud post that links it; absent when none does.
 */
export const PostsStatusReplySchema = z.object({
  posts: z.array(z.object({ postId: z.string(), state: z.enum(SYNC_STATES), error: z.optional(z.string()) })),
  wol: z.optional(
    z.array(
      z.object({
        postId: z.string(),
        id: z.string(),
        state: z.enum(SYNC_STATES),
        error: z.optional(z.string()),
      }),
    ),
  ),
});
export type PostsStatusReply = z.infer<typeof PostsStatusReplySchema>;
/** How many of the replies were thanks not seen before. */
export const RepliesImportedSchema = z.object({ imported: z.int().check(z.minimum(0)) });

export const ComposersLoadedSchema = z.object({ loaded: z.literal(true) });

/** What each content→background message answers with. */
export type ContentReplies = {
  'page.hello': PageHelloReply;
  'recognition.save': SavedRecognition;
  'wolPost.save': z.infer<typeof SavedWolPostSchema>;
  'recognition.retry': { retried: boolean };
  'wolPost.retry': { retried: boolean };
  'posts.status': PostsStatusReply;
  'replies.found': z.infer<typeof RepliesImportedSchema>;
  'composers.load': z.infer<typeof ComposersLoadedSchema>;
  'circle.page': CirclePageReply;
  'circle.addAuthor': AddedAuthor;
  'targets.list': TargetList;
};

/**
 * Messages of the picker that teaches Rückenwind a site (`teach-site.js`). The site is not an enabled
 * intranet yet, so the usual sender rule would refuse them: they are accepted only from the tab in
 * which the user started teaching, for that tab's origin, while the session lasts.
 */
export const TeachHelloSchema = z.object({ type: z.literal('teach.hello'), origin: z.string() });
export const TeachSaveSchema = z.object({
  type: z.literal('teach.save'),
  origin: z.string(),
  selectors: TaughtSelectorsSchema,
});
export const TeachCancelSchema = z.object({ type: z.literal('teach.cancel'), origin: z.string() });

export const TeachToBackgroundSchema = z.discriminatedUnion('type', [
  TeachHelloSchema,
  TeachSaveSchema,
  TeachCancelSchema,
]);
export type TeachToBackground = z.infer<typeof TeachToBackgroundSchema>;

export const TeachHelloReplySchema = z.object({ addressForm: AddressFormSchema });
export const TeachDoneSchema = z.object({ origin: z.string() });

/** What each picker message answers with. */
export type TeachReplies = {
  'teach.hello': z.infer<typeof TeachHelloReplySchema>;
  'teach.save': z.infer<typeof TeachDoneSchema>;
  'teach.cancel': z.infer<typeof TeachDoneSchema>;
};
