import type { z } from 'zod/mini';
import type { RueckenwindDb } from '../db/database';
import { CircleSchema, type Person } from '../db/schemas';
import { parseRecord } from '../db/validate';
import type { CirclePageReply, CirclePageSchema } from './content-messages';
import { samePerson } from './people';
import { mergeSeenLogs } from './shared-logs';

/**
 * Keeps the shared logs a page showed for the circles whose space is on that intranet, and answers
 * with the people on the user's relationship lists (for the marker on their posts).
 */
export async function answerCirclePage(
  db: RueckenwindDb,
  message: z.infer<typeof CirclePageSchema>,
  origin: string,
  now: number,
): Promise<CirclePageReply> {
  const { readsLogs, hasCircle } = await db.transaction('rw', db.circles, async () => {
    const circles = await db.circles.toArray();
    const here = circles.filter((circle) => circle.space?.origin === origin);
    for (const circle of here) {
      const sharedLogs = mergeSeenLogs(circle, message.logs, now);
      if (sharedLogs) await db.circles.put(parseRecord(CircleSchema, 'circles', { ...circle, sharedLogs }));
    }
    return { readsLogs: here.length > 0, hasCircle: circles.length > 0 };
  });
  const people: Person[] = [];
  for (const { person } of await db.relationships.toArray()) {
    if (!people.some((known) => samePerson(known, person))) people.push(person);
  }
  return { people, readsLogs, hasCircle };
}
