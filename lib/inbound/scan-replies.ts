import type { HostId } from '../db/schemas';
import type { PageApi } from '../hosts/types';
import { sendFromContent } from '../messages/send';
import { isThankYou } from './recognize-thanks';
import { REPLIES_MAX } from './reply-to-me';

/**
 * Content-script side of the inbound scan: asks the host's API, as the signed-in user, for replies to
 * the user's posts and hands the thank-yous to the background, which keeps them. A failed scan is
 * silent: nothing was lost, and the next page of this intranet scans again.
 */
export async function scanReplies(api: PageApi, host: HostId, origin: string): Promise<void> {
  if (!api.repliesToMe) return;
  try {
    const replies = (await api.repliesToMe()).filter((reply) => isThankYou(reply.text));
    if (replies.length === 0) return;
    await sendFromContent({ type: 'replies.found', origin, host, replies: replies.slice(0, REPLIES_MAX) });
  } catch (error) {
    console.debug('Rückenwind: could not look for thanks received', error);
  }
}
