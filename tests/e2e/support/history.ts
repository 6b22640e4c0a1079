// A scripted history for the streak and export tests, restored through the options page's "Import a
// backup" (the background writes it into the extension's real IndexedDB, as for a user).
import type { Page } from '@playwright/test';
import { addDays, dayKeyOf, weekStartOf } from '../../../lib/db/day-key';
import type { DayKey, Recognition, WeeklyLog, WolPost } from '../../../lib/db/schemas';
import { type ExtensionFixture, expect } from './fixtures';

const ORIGIN = 'https://intranet.example-gmbh.de';
const noon = (day: DayKey) => Date.parse(`${day}T12:00:00Z`);

export function thanksOn(
  id: string,
  day: DayKey,
  to: string,
  direction: Recognition['direction'] = 'given',
): Recognition {
  return {
    id,
    direction,
    from: { name: direction === 'given' ? 'Anna Becker' : to },
    to: [{ name: direction === 'given' ? to : 'Anna Becker' }],
    post: { host: 'wordpress', origin: ORIGIN, postId: `post-${id}`, author: { name: to } },
    message: `Danke, ${to}!`,
    createdAt: noon(day),
    day,
    sync: { state: 'sent', updatedAt: noon(day) },
  };
}

export function wolPostOn(id: string, day: DayKey): WolPost {
  return {
    id,
    host: 'wordpress',
    origin: ORIGIN,
    text: 'Ich arbeite gerade am Onboarding-Handbuch. #WOL',
    createdAt: noon(day),
    day,
    sync: { state: 'sent', updatedAt: noon(day) },
  };
}

export function weeklyLogOn(id: string, day: DayKey): WeeklyLog {
  return {
    id,
    weekStart: weekStartOf(day),
    did: 'Beziehungsliste ergänzt.',
    contributions: 'Jonas beim Handbuch geholfen.',
    next: 'Barcamp planen.',
    confidence: 4,
    createdAt: noon(day),
    day,
    sync: { state: 'local', updatedAt: noon(day) },
  };
}

/** Today and this week's Monday in the browser's own time zone. */
export async function browserToday(extension: ExtensionFixture): Promise<{ today: DayKey; monday: DayKey }> {
  const timeZone = await extension.serviceWorker.evaluate(
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  const today = dayKeyOf(Date.now(), timeZone);
  return { today, monday: weekStartOf(today) };
}

export type Tables = { recognitions?: Recognition[]; wolPosts?: WolPost[]; weeklyLogs?: WeeklyLog[] };

export async function openOptions(extension: ExtensionFixture): Promise<Page> {
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  return options;
}

/** Imports `tables` as a backup file through the options page, as a user restores one (any language). */
export async function importHistory(options: Page, tables: Tables): Promise<void> {
  const backup = { format: 'rueckenwind-backup', version: 1, exportedAt: new Date().toISOString(), tables };
  const count = Object.values(tables).reduce((sum, rows) => sum + rows.length, 0);
  await options.locator('input[type="file"]').setInputFiles({
    name: 'history.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  // "Imported 8 records from history.json." / "8 Einträge aus history.json importiert."
  const done = new RegExp(`\\b${count}\\b.*history\\.json`);
  await expect(options.getByRole('status').filter({ hasText: done })).toBeVisible();
}

export { addDays };
