import { dayKeyOf } from '../db/day-key';
import { type HostId, MESSAGE_MAX, type Recognition } from '../db/schemas';
import { clip } from '../hosts/read-dom';
import type { ReplyToMe } from './reply-to-me';

/**
 * The id of a received thank-you: the same for the same reply on the same host, whichever tab or scan
 * finds it, so storing it again replaces instead of counting twice. Hashed because origins are long and
 * ids are at most 64 characters.
 */
export async function receivedIdOf(host: HostId, origin: string, remoteId: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${host}\n${origin}\n${remoteId}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `received-${hex.slice(0, 40)}`;
}

/** A reply that thanks the user, as the user's own record of thanks received. */
export async function receivedRecognition(
  host: HostId,
  origin: string,
  reply: ReplyToMe,
  now: number,
): Promise<Recognition> {
  return {
    id: await receivedIdOf(host, origin, reply.remoteId),
    direction: 'received',
    from: reply.from,
    to: [reply.to],
    post: reply.post,
    message: clip(reply.text.trim(), MESSAGE_MAX),
    createdAt: reply.at,
    day: dayKeyOf(reply.at),
    // Never ours to deliver: it came from the intranet, where it lives under this id.
    sync: { state: 'local', remoteId: reply.remoteId, updatedAt: now },
  };
}
