/** The people the user thanked most: a private list of the user's own thanks, never a ranking of users. */
import type { Person, Recognition } from '../db/schemas';

export interface ThankedPerson {
  person: Person;
  thanks: number;
}

/**
 * The `limit` people thanked most often in `given` (one count per recipient of each thank-you).
 * A person is the same across thanks by their intranet id, or by name where the host shows no id;
 * ties go to the one thanked most recently.
 */
export function peopleThankedMost(
  given: readonly Pick<Recognition, 'to' | 'createdAt'>[],
  limit: number,
): ThankedPerson[] {
  const tally = new Map<string, ThankedPerson & { last: number }>();
  for (const rec of given) {
    for (const person of rec.to) {
      const key = person.id ? `id:${person.id}` : `name:${person.name.toLocaleLowerCase()}`;
      const entry = tally.get(key);
      if (!entry) tally.set(key, { person, thanks: 1, last: rec.createdAt });
      else {
        entry.thanks += 1;
        // The latest thank-you has the name the person goes by now.
        if (rec.createdAt >= entry.last) Object.assign(entry, { person, last: rec.createdAt });
      }
    }
  }
  return [...tally.values()]
    .sort((a, b) => b.thanks - a.thanks || b.last - a.last)
    .slice(0, limit)
    .map(({ person, thanks }) => ({ person, thanks }));
}
