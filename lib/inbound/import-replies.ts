import type { RueckenwindDb } from '../db/database';
import type { HostId } from '../db/schemas';
import { importReceivedThanks } from '../db/writes';
import { receivedRecognition } from './received-record';
import { isThankYou } from './recognize-thanks';
import type { ReplyToMe } from './reply-to-me';

/**
 * Keeps the thank-yous among replies a scan of `host` found: each becomes a received recognition, new
 * ones counted, known ones left alone. Replies about another host's posts are not this scan's to judge.
 */
export async function importReplies(
  db: RueckenwindDb,
  host: HostId,
  origin: string,
  replies: ReplyToMe[],
  now: number,
): Promise<number> {
  const thanks = replies.filter(
    (reply) => (reply.post === undefined || reply.post.host === host) && isThankYou(reply.text),
  );
  if (thanks.length === 0) return 0;
  const records = await Promise.all(thanks.map((reply) => receivedRecognition(host, origin, reply, now)));
  return importReceivedThanks(db, records);
}
