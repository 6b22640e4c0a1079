import { browser } from 'wxt/browser';
import type { z } from 'zod/mini';
import {
  type ContentReplies,
  type ContentToBackground,
  PageHelloReplySchema,
  PostsStatusReplySchema,
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
  'posts.status': PostsStatusReplySchema,
} satisfies { [K in keyof ContentReplies]: z.ZodMiniType<ContentReplies[K]> };

/**
 * Sends a content→background message and validates the reply. A reloaded or removed extension leaves
 * this script orphaned; that becomes a readable error instead of an exception in the host page.
 */
export async function sendFromContent<M extends ContentToBackground>(
  message: M,
): Promise<Result<ContentReplies[M['type']]>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(message);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return /context invalidated|receiving end does not exist/i.test(detail)
      ? fail('errorExtensionReloaded')
      : fail('errorUnknown', detail);
  }
  const parsed = resultSchema(contentReplySchemas[message.type]).safeParse(reply);
  return parsed.success ? (parsed.data as Result<ContentReplies[M['type']]>) : fail('errorInvalidMessage');
}
