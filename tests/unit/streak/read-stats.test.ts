// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { RueckenwindDb } from '../../../lib/db/database';
import { addDays, dayKeyOf } from '../../../lib/db/day-key';
import type { Person } from '../../../lib/db/schemas';
import { saveRecognition, saveWeeklyLog, saveWolPost } from '../../../lib/db/writes';
import { firstFrameOf } from '../../../lib/streak/first-frame';
import { firstDayShown, readStoredFirstFrame } from '../../../lib/streak/read-first-frame';
import { readPeopleThankedMost, statsOf, THANKS_READ_MAX } from '../../../lib/streak/read-stats';
import { anna, freshDb, jonas, lea, murat, thanks, weeklyLog, wolPost } from '../db/factories';

const LOCAL = { sync: false, now: 0 };
/** Wednesday 18 November 2026, 10:00 in Berlin. */
const NOW = Date.parse('2026-11-18T09:00:00Z');
const MONDAY = '2026-11-16';

/** What the popup does on opening (entrypoints/popup/main.tsx). */
async function readStats(db: RueckenwindDb, weeklyGoal: number) {
  const today = dayKeyOf(NOW, 'Europe/Berlin');
  const stored = await readStoredFirstFrame(firstDayShown(today), indexedDB, db.name);
  const { rows, weeks } = firstFrameOf(stored, today);
  return statsOf(rows, weeks, today, weeklyGoal);
}

describe('the popup’s stats', () => {
  it('computes streak, heatmap and totals from the daily aggregate alone', async () => {
    const db = freshDb();
    await saveRecognition(db, thanks('this-week', { day: '2026-11-17' }), LOCAL);
    await saveRecognition(db, thanks('received', { day: '2026-11-17', direction: 'received' }), LOCAL);
    await saveWolPost(db, wolPost('last-week', { day: addDays(MONDAY, -3) }), LOCAL);
    // Two weeks ago: nothing (repaired). Three weeks ago: a weekly log.
    await saveWeeklyLog(db, weeklyLog('three-weeks-ago', { day: addDays(MONDAY, -20) }), LOCAL);
    await saveRecognition(db, thanks('january', { day: '2026-01-05' }), LOCAL);
    await saveRecognition(db, thanks('last-year', { day: '2025-12-31' }), LOCAL);

    const read = () => readStats(db, 1);
    const stats = await read();
    expect(stats.today).toBe('2026-11-18');
    expect(stats.streak).toMatchObject({ weeks: 4, repaired: [addDays(MONDAY, -14)] });
    expect(stats.thisWeek).toEqual({ thanksGiven: 1, thanksReceived: 1, wolPosts: 0, weeklyLogs: 0 });
    expect(stats.thisYear).toEqual({ thanksGiven: 2, thanksReceived: 1, wolPosts: 1, weeklyLogs: 1 });
    const cell = stats.heatmap.weeks.flat().find((day) => day.day === '2026-11-17');
    // Received thanks are shown in the totals, not counted as the user's contributions.
    expect(cell).toMatchObject({ contributions: 1, future: false });

    // Nothing but the aggregate is read: without the records the answer is the same.
    await Promise.all([db.recognitions.clear(), db.wolPosts.clear(), db.weeklyLogs.clear()]);
    expect(await read()).toEqual(stats);
  });

  it('follows the weekly goal from the settings', async () => {
    const db = freshDb();
    await saveRecognition(db, thanks('a', { day: '2026-11-10' }), LOCAL);
    await saveRecognition(db, thanks('b', { day: '2026-11-11' }), LOCAL);
    await saveRecognition(db, thanks('c', { day: '2026-11-03' }), LOCAL);
    expect((await readStats(db, 1)).streak.weeks).toBe(2);
    expect((await readStats(db, 2)).streak.weeks).toBe(1);
  });
});

describe('readPeopleThankedMost', () => {
  const to = (person: Person, id: string, day: string, createdAt: number) =>
    thanks(id, { to: [person], day, createdAt });

  it('lists the people the user thanked most in the last year, never those who thanked the user', async () => {
    const db = freshDb();
    await saveRecognition(db, to(jonas, 'j1', '2026-11-02', 1), LOCAL);
    await saveRecognition(db, to(jonas, 'j2', '2026-10-02', 2), LOCAL);
    await saveRecognition(db, to(lea, 'l1', '2026-09-02', 3), LOCAL);
    // Two thanks to Murat, one too old to count.
    await saveRecognition(db, to(murat, 'm1', '2026-08-02', 4), LOCAL);
    await saveRecognition(db, to(murat, 'm2', '2025-11-01', 5), LOCAL);
    for (const id of ['r1', 'r2', 'r3'])
      await saveRecognition(db, thanks(id, { direction: 'received', from: anna, to: [anna] }), LOCAL);

    const top = await readPeopleThankedMost(db, '2026-11-18');
    expect(top.map(({ person, thanks }) => [person.name, thanks])).toEqual([
      ['Jonas Wagner', 2],
      ['Murat Yılmaz', 1],
      ['Lea Schäfer', 1],
    ]);
  });

  it(`reads at most ${THANKS_READ_MAX} thanks, the latest`, async () => {
    const db = freshDb();
    const records = Array.from({ length: THANKS_READ_MAX + 5 }, (_, i) =>
      to(i < 5 ? lea : jonas, `t${i}`, addDays('2026-01-01', Math.floor(i / 4)), i),
    );
    await db.recognitions.bulkPut(records);
    const top = await readPeopleThankedMost(db, '2026-11-18');
    // Lea's five are the oldest and fall outside the cap.
    expect(top).toEqual([{ person: jonas, thanks: THANKS_READ_MAX }]);
  });
});
