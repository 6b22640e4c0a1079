/**
 * The circle's meetings in the user's own time zone: one a week on the meeting weekday at the meeting
 * time, the first on or after the start date, twelve in all. A reminder comes some minutes before each.
 */
import type { Circle } from '../db/schemas';
import { CIRCLE_WEEKS } from './weeks';

export const DEFAULT_REMINDER_MINUTES = 30;

type Schedule = Pick<Circle, 'startDate' | 'meeting'>;

/** Local start times (epoch ms) of the twelve meetings. */
export function meetingTimes(circle: Schedule): number[] {
  const [year, month, day] = circle.startDate.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = circle.meeting.time.split(':').map(Number) as [number, number];
  const startWeekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
  const offset = (circle.meeting.weekday - startWeekday + 7) % 7;
  // The Date constructor works in local time, so 18:00 stays 18:00 across a daylight-saving change.
  return Array.from({ length: CIRCLE_WEEKS }, (_, week) =>
    new Date(year, month - 1, day + offset + week * 7, hours, minutes).getTime(),
  );
}

export type Reminder = { meetingAt: number; remindAt: number; week: number };

/** The next reminder still to come after `now`, or undefined when reminders are off or the circle is over. */
export function nextReminder(
  circle: Schedule & Pick<Circle, 'remindersOn' | 'reminderMinutes'>,
  now: number,
): Reminder | undefined {
  if (!circle.remindersOn) return undefined;
  const lead = (circle.reminderMinutes ?? DEFAULT_REMINDER_MINUTES) * 60_000;
  const meetings = meetingTimes(circle);
  const index = meetings.findIndex((meetingAt) => meetingAt - lead > now);
  const meetingAt = meetings[index];
  return meetingAt === undefined ? undefined : { meetingAt, remindAt: meetingAt - lead, week: index + 1 };
}

/** The meeting a reminder firing at `now` is about: the next one that has not started yet. */
export function upcomingMeeting(
  circle: Schedule,
  now: number,
): { meetingAt: number; week: number } | undefined {
  const meetings = meetingTimes(circle);
  const index = meetings.findIndex((meetingAt) => meetingAt > now);
  const meetingAt = meetings[index];
  return meetingAt === undefined ? undefined : { meetingAt, week: index + 1 };
}
