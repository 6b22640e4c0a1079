/** Test data and throwaway databases for the db tests: real Dexie on fake-indexeddb, one database per test. */
import { afterEach } from 'vitest';
import { openDatabase, type RueckenwindDb } from '../../../lib/db/database';
import type { Person, PostRef, Recognition, WeeklyLog, WolPost } from '../../../lib/db/schemas';

export const NOW = Date.UTC(2025, 2, 10, 9, 0);
export const ORIGIN = 'https://intranet.example-gmbh.de';

export const anna: Person = { name: 'Anna Becker', id: 'abecker' };
export const jonas: Person = { name: 'Jonas Wagner', id: 'jwagner' };
export const lea: Person = { name: 'Lea Schäfer', id: 'lschaefer' };
export const murat: Person = { name: 'Murat Yılmaz' };

const opened: RueckenwindDb[] = [];

/** A fresh, uniquely named database, deleted after the test. */
export function freshDb(name = `test-${crypto.randomUUID()}`): RueckenwindDb {
  const db = openDatabase(name);
  opened.push(db);
  return db;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

export function postRef(postId: string, overrides: Partial<PostRef> = {}): PostRef {
  return { host: 'wordpress', origin: ORIGIN, postId, author: jonas, ...overrides };
}

export function thanks(id: string, overrides: Partial<Recognition> = {}): Recognition {
  return {
    id,
    direction: 'given',
    from: anna,
    to: [jonas],
    post: postRef(`post-${id}`),
    message: 'Danke für die Hilfe!',
    createdAt: NOW,
    day: '2025-03-10',
    sync: { state: 'pending', updatedAt: NOW },
    ...overrides,
  };
}

export function wolPost(id: string, overrides: Partial<WolPost> = {}): WolPost {
  return {
    id,
    host: 'wordpress',
    origin: ORIGIN,
    text: 'Ich arbeite gerade am Onboarding-Handbuch.',
    template: 'working-on',
    createdAt: NOW,
    day: '2025-03-10',
    sync: { state: 'pending', updatedAt: NOW },
    ...overrides,
  };
}

export function weeklyLog(id: string, overrides: Partial<WeeklyLog> = {}): WeeklyLog {
  return {
    id,
    weekStart: '2025-03-10',
    did: 'Beziehungsliste ergänzt.',
    contributions: 'Jonas beim Handbuch geholfen.',
    next: 'Barcamp planen.',
    confidence: 4,
    createdAt: NOW,
    day: '2025-03-10',
    sync: { state: 'local', updatedAt: NOW },
    ...overrides,
  };
}
