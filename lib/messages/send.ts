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
  TeachDoneSchema,
  TeachHelloReplySchema,
  type TeachReplies,
  type TeachToBackground,
} from './content-to-background';
import { fail, type Result, resultSchema } from './result';

const contentReplySchemas = {
  'page.hello': PageHelloReplySchema,
  'recognition.save': SavedRecognitionSchema,
  'wolPost.save': SavedWolPostSchema,
  'recognition.retry': RetriedSchema,
  'posts.status': PostsStatusReplySchema,
} satisfies { [K in keyof ContentReplies]: z.ZodMiniType<ContentReplies[K]> };

const teachReplySchemas = {
  'teach.hello': TeachHelloReplySchema,
  'teach.save': TeachDoneSchema,
  'teach.cancel': TeachDoneSchema,
} satisfies { [K in keyof TeachReplies]: z.ZodMiniType<TeachReplies[K]> };

/**
 * Sends a message to the background and validates the reply. A reloaded or removed extension leaves
 * this script orphaned; that becomes a readable error instead of an exception in the host page.
 */
async function send<T>(message: unknown, schema: z.ZodMiniType): Promise<Result<T>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(message);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return /context invalidated|receiving end does not exist/i.test(detail)
      ? fail('errorExtensionReloaded')
      : fail('errorUnknown', detail);
  }
  const parsed = resultSchema(schema).safeParse(reply);
  return parsed.success ? (parsed.data as Result<T>) : fail('errorInvalidMessage');
}

/** Sends a content→background message from a content script on an intranet page. */
export function sendFromContent<M extends ContentToBackground>(
  message: M,
): Promise<Result<ContentReplies[M['type']]>> {
  return send(message, contentReplySchemas[message.type]);
}

/** Sends a message from the picker that teaches Rückenwind a site (teach-site.js). */
export function sendFromPicker<M extends TeachToBackground>(
  message: M,
): Promise<Result<TeachReplies[M['type']]>> {
  return send(message, teachReplySchemas[message.type]);
}
