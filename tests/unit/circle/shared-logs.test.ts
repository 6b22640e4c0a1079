// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeSeenLogs, parseSharedLogHeading, weeksByMember } from '../../../lib/circle/shared-logs';
import type { Circle } from '../../../lib/db/schemas';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const heading = (lang: string) =>
  (
    JSON.parse(readFileSync(join(ROOT, 'public', '_locales', lang, 'messages.json'), 'utf8')) as Record<
      string,
      { message: string }
    >
  ).logTextHeading?.message ?? '';
/** The heading as the popup writes it (chrome.i18n fills $CIRCLE$, $WEEK$, $TOTAL$). */
const written = (lang: string, circle: string, week: number) =>
  heading(lang).replace('$CIRCLE$', circle).replace('$WEEK$', String(week)).replace('$TOTAL$', '12');

const anna = { name: 'Anna Schmidt', id: 'anna.schmidt' };
const jonas = { name: 'Jonas Weber', id: 'jonas.weber' };
const circle: Circle = {
  id: 'c1',
  name: 'WOL-Circle „Frühjahr“',
  startDate: '2025-03-04',
  meeting: { weekday: 2, time: '18:00' },
  remindersOn: true,
  members: [],
  createdAt: 0,
};

describe('shared weekly logs on the intranet', () => {
  it('are recognised by the heading the popup writes, in English and in German', () => {
    for (const lang of ['en', 'de']) {
      // The demo intranet runs paragraphs together in textContent: "…of 12What I did…".
      expect(parseSharedLogHeading(`${written(lang, 'Frühjahr 2025', 3)}What I did`), lang).toEqual({
        circleName: 'Frühjahr 2025',
        week: 3,
      });
    }
    expect(parseSharedLogHeading(written('de', 'A “B” C', 12))).toEqual({ circleName: 'A “B” C', week: 12 });
  });

  it('are not confused with other posts or impossible weeks', () => {
    expect(parseSharedLogHeading('Mein WOL circle “X”, week 2 of 12')).toBeUndefined();
    expect(parseSharedLogHeading(written('en', 'X', 13))).toBeUndefined();
    expect(parseSharedLogHeading(written('en', 'X', 0))).toBeUndefined();
    expect(parseSharedLogHeading('WOL circle “X”, week 2 of 120')).toBeUndefined();
  });

  it('are kept once per post and only for the circle they name', () => {
    const seen = [
      { circleName: circle.name, week: 1, author: anna, postId: '10' },
      { circleName: 'Another circle', week: 1, author: jonas, postId: '11' },
    ];
    const first = mergeSeenLogs(circle, seen, 5);
    expect(first).toEqual([{ author: anna, week: 1, postId: '10', seenAt: 5 }]);
    expect(mergeSeenLogs({ ...circle, sharedLogs: first }, seen, 6)).toBeUndefined();
  });

  it('give each member their weeks, counting a week shared twice once', () => {
    const logs = [
      { author: anna, week: 2, postId: '1', seenAt: 0 },
      { author: jonas, week: 1, postId: '2', seenAt: 0 },
      { author: anna, week: 1, postId: '3', seenAt: 0 },
      { author: anna, week: 2, postId: '4', seenAt: 0 },
    ];
    expect(weeksByMember(logs)).toEqual([
      { name: 'Anna Schmidt', weeks: [1, 2] },
      { name: 'Jonas Weber', weeks: [1] },
    ]);
  });
});
