import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { ACCOUNT_REPLY_SCHEMAS } from '../auth/ui-messages';
import { CIRCLE_REPLY_SCHEMAS } from '../circle/ui-messages';
import { SettingsSchema } from '../db/schemas';
import { DATA_REPLY_SCHEMAS } from '../export/ui-messages';
import { HISTORY_REPLY_SCHEMAS } from '../history/ui-messages';
import { TARGET_REPLY_SCHEMAS } from '../targets/ui-messages';
import { fail, type Result, resultSchema } from './result';
import type { UiReplies, UiToBackground } from './ui-to-background';

const uiReplySchemas = {
  'intranet.add': z.object({ origin: z.string(), enabled: z.boolean() }),
  'intranet.remove': z.object({ origin: z.string() }),
  'intranet.setEnabled': z.object({ origin: z.string(), enabled: z.boolean() }),
  'recognition.delete': z.object({ id: z.string() }),
  'settings.update': SettingsSchema,
  'teach.start': z.object({ origin: z.string() }),
  'teach.update': z.object({ origin: z.string() }),
  'teach.forget': z.object({ origin: z.string() }),
  ...CIRCLE_REPLY_SCHEMAS,
  ...ACCOUNT_REPLY_SCHEMAS,
  ...DATA_REPLY_SCHEMAS,
  ...HISTORY_REPLY_SCHEMAS,
  ...TARGET_REPLY_SCHEMAS,
} satisfies { [K in keyof UiReplies]: z.ZodMiniType<UiReplies[K]> };

/** Sends a UI→background message (popup, options) and validates the reply. */
export async function sendFromUi<M extends UiToBackground>(
  message: M,
): Promise<Result<UiReplies[M['type']]>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(message);
  } catch (error) {
    return fail('errorUnknown', error instanceof Error ? error.message : String(error));
  }
  const parsed = resultSchema(uiReplySchemas[message.type]).safeParse(reply);
  return parsed.success ? (parsed.data as Result<UiReplies[M['type']]>) : fail('errorInvalidMessage');
}
