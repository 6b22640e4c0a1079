import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { fail, type Result, resultSchema } from '../messages/result';
import { type TargetList, TargetListSchema } from './target';

/**
 * Content → background: the user's groups or channels on the sender's intranet, for the work-out-loud
 * composer's target field. The background answers for the host of the sender's enabled intranet.
 */
export const ListTargetsSchema = z.object({ type: z.literal('targets.list'), origin: z.string() });
export type ListTargets = z.infer<typeof ListTargetsSchema>;

const ReplySchema = resultSchema(TargetListSchema);

/**
 * Asked by the content script for the composers script, which then needs no zod of its own. Sent
 * directly rather than through `sendFromContent`, so that only pages whose composer asks load this.
 */
export async function listTargetsFromPage(origin: string): Promise<Result<TargetList>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage({ type: 'targets.list', origin } satisfies ListTargets);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return /context invalidated|receiving end does not exist/i.test(detail)
      ? fail('errorExtensionReloaded')
      : fail('errorUnknown', detail);
  }
  const parsed = ReplySchema.safeParse(reply);
  return parsed.success ? (parsed.data as Result<TargetList>) : fail('errorInvalidMessage');
}
