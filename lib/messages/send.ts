import { browser } from 'wxt/browser';
import type { z } from 'zod/mini';
import { AddedAuthorSchema, CirclePageReplySchema } from '../circle/content-messages';
import { TargetListSchema } from '../targets/target';
import {
  ComposersLoadedSchema,
  type ContentReplies,
  type ContentToBackground,
  PageHelloReplySchema,
  PostsStatusReplySchema,
  RepliesImportedSchema,
  RetriedSchema,
  SavedRecognitionSchema,
  SavedWolPostSchema,
} from './content-to-background';
import { fail, type Result, resultSchema } from './result';

const contentReplySchemas = {
  'page.hello': PageHelloReplySchema,
  'recognition.save': SavedRecognitionSchema,
  'wolPost.save': SavedWolPostSchema,
  'recognition.retry': RetriedSchema,
  'wolPost.retry': RetriedSchema,
  'posts.status': PostsStatusReplySchema,
  'replies.found': RepliesImportedSchema,
  'composers.load': ComposersLoadedSchema,
  'circle.page': CirclePageReplySchema,
  'circle.addAuthor': AddedAuthorSchema,
  'targets.list': TargetListSchema,
} satisfies { [K in keyof ContentReplies]: z.ZodMiniType<ContentReplies[K]> };

// Built once per reply type: content scripts ask about every batch of posts.
const replySchemas = new WeakMap<z.ZodMiniType, z.ZodMiniType>();
function replySchemaOf(schema: z.ZodMiniType): z.ZodMiniType {
  let built = replySchemas.get(schema);
  if (!built) {
    built = resultSchema(schema);
    replySchemas.set(schema, built);
  }
  return built;
}

/**
 * Sends a message to the background and validates the reply. A reloaded or removed extension leaves
 * this script orphaned; that becomes a readable error instead of an exception in the host page.
 */
export async function send<T>(message: unknown, schema: z.ZodMiniType): Promise<Result<T>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(message);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return /context invalidated|receiving end does not exist/i.test(detail)
      ? fail('errorExtensionReloaded')
      : fail('errorUnknown', detail);
  }
  const parsed = replySchemaOf(schema).safeParse(reply);
  return parsed.success ? (parsed.data as Result<T>) : fail('errorInvalidMessage');
}

/** Sends a content→background message from a content script on an intranet page. */
export function sendFromContent<M extends ContentToBackground>(
  message: M,
): Promise<Result<ContentReplies[M['type']]>> {
  return send(message, contentReplySchemas[message.type]);
}
