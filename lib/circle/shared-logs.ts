/**
 * Weekly logs that circle members shared on the intranet, recognised by the heading every shared log
 * starts with (`logTextHeading` in English and German; tests/unit/circle/shared-logs.test.ts keeps
 * these patterns and the texts in step). Members who log with Rückenwind can thus see each other's
 * weeks without any server: each browser reads what the intranet shows it.
 */
import { z } from 'zod/mini';
import { type Circle, PersonSchema, type PostRef } from '../db/schemas';
import { samePerson } from './people';
import { CIRCLE_WEEKS } from './weeks';

const HEADINGS = [
  /^WOL circle “(.{1,120})”, week (\d{1,2}) of 12(?!\d)/u,
  /^WOL-Circle „(.{1,120})“, Woche (\d{1,2}) von 12(?!\d)/u,
];

export const SHARED_LOGS_MAX = 500;

export const SeenLogSchema = z.object({
  circleName: z.string().check(z.minLength(1), z.maxLength(120)),
  week: z.int().check(z.minimum(1), z.maximum(CIRCLE_WEEKS)),
  author: PersonSchema,
  postId: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type SeenLog = z.infer<typeof SeenLogSchema>;

/** The circle and week a post's text announces, if it is a shared weekly log. */
export function parseSharedLogHeading(text: string): { circleName: string; week: number } | undefined {
  const start = text.trim();
  for (const heading of HEADINGS) {
    const match = heading.exec(start);
    const week = Number(match?.[2]);
    if (match?.[1] && week >= 1 && week <= CIRCLE_WEEKS) return { circleName: match[1], week };
  }
  return undefined;
}

/** The shared log a post is, read from what the adapter found in it. */
export function seenLogOf(post: PostRef): SeenLog | undefined {
  const heading = post.excerpt ? parseSharedLogHeading(post.excerpt) : undefined;
  return heading && { ...heading, author: post.author, postId: post.postId };
}

type SharedLogs = NonNullable<Circle['sharedLogs']>;

/** The circle's shared logs with the newly seen ones of this circle added (each post once). */
export function mergeSeenLogs(circle: Circle, seen: SeenLog[], at: number): SharedLogs | undefined {
  const known = circle.sharedLogs ?? [];
  const fresh = seen.filter(
    (log) => log.circleName === circle.name && !known.some((entry) => entry.postId === log.postId),
  );
  if (fresh.length === 0) return undefined;
  const added = fresh.map(({ author, week, postId }) => ({ author, week, postId, seenAt: at }));
  return [...known, ...added].slice(-SHARED_LOGS_MAX);
}

/** Per person, the circle weeks they shared a log for, in the order people first appear. */
export function weeksByMember(logs: SharedLogs): Array<{ name: string; weeks: number[] }> {
  const rows: Array<{ person: SharedLogs[number]['author']; weeks: Set<number> }> = [];
  for (const log of logs) {
    let row = rows.find((entry) => samePerson(entry.person, log.author));
    if (!row) {
      row = { person: log.author, weeks: new Set() };
      rows.push(row);
    }
    row.weeks.add(log.week);
  }
  return rows.map(({ person, weeks }) => ({ name: person.name, weeks: [...weeks].sort((a, b) => a - b) }));
}
