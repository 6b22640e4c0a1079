import type { HostId } from '../db/schemas';
import type { PageApi } from '../hosts/types';
import type { Deliver, DeliveryResult } from '../messages/background-to-content';

/**
 * Makes one write the background asked for, through the host's API as the signed-in user. After an
 * uncertain earlier attempt it first looks for that write on the host, so nothing is posted twice.
 */
export async function deliver(api: PageApi, message: Deliver & { host: HostId }): Promise<DeliveryResult> {
  try {
    if (message.uncertainSince !== undefined) {
      const earlier = await api.findOwnWrite(
        message.post,
        message.text,
        message.uncertainSince,
        message.target,
      );
      if (earlier) return { ok: true, remoteId: earlier };
    }
    return message.post
      ? await api.reply(message.post, message.text)
      : await api.createPost(message.text, message.target);
  } catch (error) {
    // A throw here means the request may or may not have reached the host.
    return { ok: false, kind: 'uncertain', reason: error instanceof Error ? error.message : String(error) };
  }
}
