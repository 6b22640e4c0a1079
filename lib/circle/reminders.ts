/**
 * Meeting reminders: one browser alarm per circle, set for the next reminder. When it fires the
 * background shows a notification and sets the alarm for the meeting after. Alarms survive a browser
 * restart, and every worker start sets them again from the database, so a lost alarm is repaired.
 */
import { browser } from 'wxt/browser';
import type { RueckenwindDb } from '../db/database';
import type { Circle } from '../db/schemas';
import { t, uiLanguage } from '../i18n/t';
import { nextReminder, upcomingMeeting } from './meetings';

const ALARM_PREFIX = 'rueckenwind-circle-';

export const reminderAlarmName = (circleId: string) => `${ALARM_PREFIX}${circleId}`;

/** Sets (or clears) the circle's alarm for its next reminder after `now`. */
export async function scheduleReminder(circle: Circle, now: number): Promise<void> {
  const next = nextReminder(circle, now);
  const name = reminderAlarmName(circle.id);
  if (next) await browser.alarms.create(name, { when: next.remindAt });
  else await browser.alarms.clear(name);
}

export async function clearReminder(circleId: string): Promise<void> {
  await browser.alarms.clear(reminderAlarmName(circleId));
}

/** Brings the alarms in line with the circles: one per circle with reminders on, none for deleted ones. */
export async function syncReminders(db: RueckenwindDb, now: number): Promise<void> {
  const circles = await db.circles.toArray();
  const ids = new Set(circles.map((circle) => circle.id));
  for (const alarm of await browser.alarms.getAll()) {
    if (alarm.name.startsWith(ALARM_PREFIX) && !ids.has(alarm.name.slice(ALARM_PREFIX.length))) {
      await browser.alarms.clear(alarm.name);
    }
  }
  for (const circle of circles) await scheduleReminder(circle, now);
}

function reminderText(meetingAt: number, week: number): string {
  const when = new Date(meetingAt).toLocaleString(uiLanguage(), {
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
  return t('circleReminderMessage', [when, String(week)]);
}

/**
 * Shows the reminder for the meeting the alarm was set for and sets the next one. An alarm that fires
 * only after that meeting began (the computer was asleep) shows nothing. False for other alarms.
 */
export async function onReminderAlarm(
  db: RueckenwindDb,
  alarm: { name: string; scheduledTime: number },
  now: number,
): Promise<boolean> {
  if (!alarm.name.startsWith(ALARM_PREFIX)) return false;
  const circle = await db.circles.get(alarm.name.slice(ALARM_PREFIX.length));
  if (!circle) {
    await browser.alarms.clear(alarm.name);
    return true;
  }
  const meeting = upcomingMeeting(circle, alarm.scheduledTime);
  if (circle.remindersOn && meeting && meeting.meetingAt > now) {
    await browser.notifications.create(alarm.name, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icons/128.png'),
      title: circle.name,
      message: reminderText(meeting.meetingAt, meeting.week),
    });
  }
  await scheduleReminder(circle, now);
  return true;
}

/** Reminders fire through alarms; a click on one opens the circle companion. */
export function listenForReminders(db: RueckenwindDb, report: (error: unknown) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    void onReminderAlarm(db, alarm, Date.now()).catch(report);
  });
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(ALARM_PREFIX)) return;
    void browser.notifications.clear(id);
    void browser.tabs.create({ url: browser.runtime.getURL('/circle.html') }).catch(report);
  });
  void syncReminders(db, Date.now()).catch(report);
}
