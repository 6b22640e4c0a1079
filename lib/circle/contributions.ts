/**
 * A thank-you to someone on the relationship list is a contribution to that relationship ("show
 * appreciation" is one of the method's contribution types). The background records it when it saves
 * the thank-you; recording the same thank-you twice changes nothing.
 */
import type { RueckenwindDb } from '../db/database';
import { type Recognition, type Relationship, RelationshipSchema } from '../db/schemas';
import { parseRecord } from '../db/validate';
import { samePerson } from './people';

const NOTE_MAX = 400;

/** The relationship with the thank-you added, or undefined when it is not for this person or already there. */
export function withThanksContribution(
  relationship: Relationship,
  recognition: Recognition,
): Relationship | undefined {
  if (recognition.direction !== 'given') return undefined;
  if (!recognition.to.some((person) => samePerson(person, relationship.person))) return undefined;
  if (relationship.contributions.some((c) => c.recognitionId === recognition.id)) return undefined;
  return {
    ...relationship,
    contributions: [
      ...relationship.contributions,
      {
        at: recognition.createdAt,
        kind: 'thanks',
        note: recognition.message.slice(0, NOTE_MAX),
        recognitionId: recognition.id,
      },
    ],
  };
}

/** Adds the thank-you to every relationship of its recipients; returns how many were updated. */
export async function recordThanksAsContributions(
  db: RueckenwindDb,
  recognition: Recognition,
): Promise<number> {
  return db.transaction('rw', db.relationships, async () => {
    let updated = 0;
    for (const relationship of await db.relationships.toArray()) {
      const next = withThanksContribution(relationship, recognition);
      if (!next) continue;
      await db.relationships.put(parseRecord(RelationshipSchema, 'relationships', next));
      updated += 1;
    }
    return updated;
  });
}
