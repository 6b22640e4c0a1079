// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingTimes, nextReminder, upcomingMeeting } from '../../../lib/circle/meetings';

// Meetings are wall-clock times in the user's zone; Node applies a changed TZ at once.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  process.env.TZ = originalTz;
});

const circle = {
  startDate: '2025-03-24', // a Monday
  meeting: { weekday: 2, time: '18:00' }, // Tuesdays
  remindersOn: true,
  reminderMinutes: 30,
};
const at = (iso: string) => Date.parse(iso);

describe('the circle meetings', () => {
  it('are on the meeting weekday at the meeting time, by the local clock across the DST change', () => {
    const times = meetingTimes(circle);
    expect(times).toHaveLength(12);
    expect(times[0]).toBe(at('2025-03-25T17:00:00Z')); // 18:00 CET
    expect(times[1]).toBe(at('2025-04-01T16:00:00Z')); // 18:00 CEST, after the clocks went forward
    expect(times[11]).toBe(at('2025-06-10T16:00:00Z'));
  });

  it('start on the start date when it is a meeting day', () => {
    expect(meetingTimes({ ...circle, meeting: { weekday: 1, time: '08:30' } })[0]).toBe(
      at('2025-03-24T07:30:00Z'),
    );
  });
});

describe('the next reminder', () => {
  it('comes the chosen minutes before the next meeting', () => {
    expect(nextReminder(circle, at('2025-03-20T10:00:00Z'))).toEqual({
      meetingAt: at('2025-03-25T17:00:00Z'),
      remindAt: at('2025-03-25T16:30:00Z'),
      week: 1,
    });
  });

  it('moves to the following week once this week’s reminder has fired', () => {
    expect(nextReminder(circle, at('2025-03-25T16:30:00Z'))).toMatchObject({
      week: 2,
      remindAt: at('2025-04-01T15:30:00Z'),
    });
  });

  it('stops after the twelfth meeting and when switched off', () => {
    expect(nextReminder(circle, at('2025-06-10T15:30:00Z'))).toBeUndefined();
    expect(nextReminder({ ...circle, remindersOn: false }, at('2025-03-20T10:00:00Z'))).toBeUndefined();
  });

  it('names the meeting a reminder is about', () => {
    expect(upcomingMeeting(circle, at('2025-04-01T15:30:00Z'))).toEqual({
      meetingAt: at('2025-04-01T16:00:00Z'),
      week: 2,
    });
  });
});
