import type { Person } from '../db/schemas';

const normalName = (name: string) => name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase();

/**
 * Whether two people read from pages or typed by the user are the same person. Intranet identities
 * decide where both sides have one (two "Anna Schmidt" are two people); a typed name matches by name.
 */
export function samePerson(a: Person, b: Person): boolean {
  if (a.profileUrl && b.profileUrl) return a.profileUrl === b.profileUrl;
  if (a.id && b.id) return a.id === b.id;
  return normalName(a.name) === normalName(b.name);
}
