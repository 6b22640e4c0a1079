import type { Page } from '@playwright/test';
import { localDay, openCompanion, thankAnnaOnDemo } from './support/circle';
import { type ExtensionFixture, expect, readExtensionDb, test } from './support/fixtures';

type StoredCircle = {
  id: string;
  name: string;
  startDate: string;
  meeting: { weekday: number; time: string };
  remindersOn: boolean;
  reminderMinutes?: number;
  members: Array<{ name: string; profileUrl?: string }>;
  goal?: string;
  goalChecks?: { care: boolean; progress: boolean; help: boolean };
};
type StoredRelationship = {
  person: { name: string };
  closeness: number;
  contributions: Array<{ kind: string; recognitionId?: string }>;
};

/** Fills in and submits "New circle" as a user does, with the keyboard-reachable fields. */
async function createCircle(page: Page, { name, startDate }: { name: string; startDate: string }) {
  const form = page.getByRole('form', { name: 'New circle' });
  await form.getByLabel('Name of the circle').fill(name);
  await form.getByLabel('First meeting (start of week 1)').fill(startDate);
  await form.getByLabel('Meeting day').selectOption({ label: 'Tuesday' });
  await form.getByLabel('Meeting time').fill('18:00');
  await form.getByLabel('Name', { exact: true }).fill('Jonas Weber');
  await form.getByLabel('Intranet profile (optional)').fill('http://127.0.0.1/people/jonas.weber');
  await form.getByRole('button', { name: 'Add member' }).click();
  await form.getByLabel('Name', { exact: true }).fill('Priya Natarajan');
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(form.getByRole('button', { name: 'Remove Priya Natarajan' })).toBeVisible();
  await form.getByRole('button', { name: 'Create circle' }).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
}

/** The parts of the extension APIs the test calls inside the service worker. */
type Chrome = {
  alarms: {
    get: (name: string) => Promise<{ scheduledTime: number } | undefined>;
    create: (name: string, info: { when: number }) => Promise<void>;
  };
  notifications: { getAll: () => Promise<Record<string, boolean>> };
};

async function reminderAlarm(extension: ExtensionFixture, circleId: string) {
  return extension.serviceWorker.evaluate(async (name) => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const alarm = await chrome.alarms.get(name);
    if (!alarm) return undefined;
    // The meeting the reminder announces, read back in the browser's own time zone.
    const meeting = new Date(alarm.scheduledTime + 30 * 60_000);
    return {
      scheduledTime: alarm.scheduledTime,
      weekday: meeting.getDay(),
      hours: meeting.getHours(),
      minutes: meeting.getMinutes(),
    };
  }, `rueckenwind-circle-${circleId}`);
}

test('creating a circle: week N of 12 with our prompt and the official guide, its goal and the meeting reminder', async ({
  extension,
}) => {
  const page = await openCompanion(extension);
  await expect(page.getByText(/A Working Out Loud circle is a small peer group/)).toBeVisible();
  await createCircle(page, { name: 'WOL-Circle Frühjahr', startDate: localDay(15) });

  await expect(page.getByRole('heading', { name: 'Week 3 of 12' })).toBeVisible();
  await expect(page.getByText(/Block a little time in your calendar/)).toBeVisible();
  await expect(page.getByRole('link', { name: /official circle guide/ })).toHaveAttribute(
    'href',
    'https://workingoutloud.com/circle-guides',
  );

  const [circle] = (await readExtensionDb(extension, 'circles')) as StoredCircle[];
  expect(circle).toMatchObject({
    name: 'WOL-Circle Frühjahr',
    startDate: localDay(15),
    meeting: { weekday: 2, time: '18:00' },
    remindersOn: true,
    reminderMinutes: 30,
    members: [
      { name: 'Jonas Weber', profileUrl: 'http://127.0.0.1/people/jonas.weber' },
      { name: 'Priya Natarajan' },
    ],
  });
  // The reminder alarm is set half an hour before the next Tuesday 18:00.
  const alarm = await reminderAlarm(extension, circle?.id ?? '');
  expect(alarm).toMatchObject({ weekday: 2, hours: 18, minutes: 0 });
  expect(alarm?.scheduledTime).toBeGreaterThan(Date.now());

  // The goal: the word count speaks up at 25 words, and the three questions are kept with it.
  const goal = page.getByRole('textbox', { name: 'My goal' });
  await goal.fill(Array.from({ length: 26 }, (_, i) => `word${i}`).join(' '));
  await expect(page.getByText('26 words: try to say it in under 25.')).toBeVisible();
  await expect(goal).toHaveAttribute('aria-invalid', 'true');
  await goal.fill('Build a network of people who care about accessible intranet pages.');
  await expect(page.getByText('11 of fewer than 25 words')).toBeVisible();
  await page.getByRole('checkbox', { name: 'I care about it' }).check();
  await page.getByRole('checkbox', { name: 'Other people can help me with it' }).check();
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.getByText('Goal saved.')).toBeVisible();
  await expect
    .poll(async () => ((await readExtensionDb(extension, 'circles')) as StoredCircle[])[0])
    .toMatchObject({
      goal: 'Build a network of people who care about accessible intranet pages.',
      goalChecks: { care: true, progress: false, help: true },
      // Saving the goal keeps everything else.
      members: [{ name: 'Jonas Weber' }, { name: 'Priya Natarajan' }],
    });

  // Still there after a reload: it lives in the extension's database.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'WOL-Circle Frühjahr', level: 2 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'My goal' })).toHaveValue(
    'Build a network of people who care about accessible intranet pages.',
  );
});

test('a thank-you on the intranet to someone on the relationship list is recorded as a contribution', async ({
  extension,
  demo,
}) => {
  const page = await openCompanion(extension);
  await createCircle(page, { name: 'Circle Herbst', startDate: localDay(0) });
  const add = page.getByRole('form', { name: 'Add a person' });
  await add.getByLabel('Name', { exact: true }).fill('Anna Schmidt');
  await add.getByLabel('Closeness', { exact: true }).selectOption('2');
  await add.getByRole('button', { name: 'Add to list' }).click();
  await expect(page.getByText('Anna Schmidt is on your list.')).toBeVisible();
  await add.getByLabel('Name', { exact: true }).fill('Sofia Rossi');
  await add.getByRole('button', { name: 'Add to list' }).click();
  await expect(page.getByLabel('Closeness to Sofia Rossi', { exact: true })).toBeVisible();

  await thankAnnaOnDemo(extension, demo.url);

  const [thanks] = (await readExtensionDb(extension, 'recognitions')) as Array<{ id: string }>;
  await expect
    .poll(async () => {
      const list = (await readExtensionDb(extension, 'relationships')) as StoredRelationship[];
      return list.map((entry) => [entry.person.name, entry.contributions]);
    })
    .toEqual(
      expect.arrayContaining([
        ['Anna Schmidt', [expect.objectContaining({ kind: 'thanks', recognitionId: thanks?.id })]],
        ['Sofia Rossi', []],
      ]),
    );

  await page.reload();
  const anna = page.locator('li.relationship[data-person="Anna Schmidt"]');
  await expect(anna).toContainText('1 contribution(s)');
  await anna.getByText('Contributions to Anna Schmidt').click();
  await expect(anna).toContainText('Thanks: Danke für den Einkaufsleitfaden!');
  // Closeness can be changed from the keyboard.
  await page.getByLabel('Closeness to Anna Schmidt', { exact: true }).selectOption('3');
  await expect
    .poll(
      async () =>
        ((await readExtensionDb(extension, 'relationships')) as StoredRelationship[]).find(
          (entry) => entry.person.name === 'Anna Schmidt',
        )?.closeness,
    )
    .toBe(3);
});

test('the meeting reminder fires when its time comes, then waits for the next meeting; it can be switched off', async ({
  extension,
}) => {
  const page = await openCompanion(extension);
  await createCircle(page, { name: 'WOL-Circle Frühjahr', startDate: localDay(3) });
  const [circle] = (await readExtensionDb(extension, 'circles')) as StoredCircle[];
  const name = `rueckenwind-circle-${circle?.id}`;
  const before = await reminderAlarm(extension, circle?.id ?? '');
  expect(before).toBeDefined();

  // Advance time to the reminder: the same alarm, made due now, as Chrome does when the time arrives.
  await extension.serviceWorker.evaluate(async (alarmName) => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    await chrome.alarms.create(alarmName, { when: Date.now() + 100 });
  }, name);
  await expect
    .poll(
      () =>
        extension.serviceWorker.evaluate(async (alarmName) => {
          const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
          return Object.keys(await chrome.notifications.getAll()).includes(alarmName);
        }, name),
      { timeout: 10_000 },
    )
    .toBe(true);
  // Afterwards the alarm waits for the next reminder again.
  await expect.poll(() => reminderAlarm(extension, circle?.id ?? '')).toEqual(before);

  // Switching reminders off removes the alarm.
  await page.getByRole('button', { name: 'Edit circle details' }).click();
  const form = page.getByRole('form', { name: 'Circle details' });
  await form.getByRole('checkbox', { name: 'Remind me before each meeting' }).uncheck();
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect.poll(() => reminderAlarm(extension, circle?.id ?? '')).toBeUndefined();
});

test.describe('in German', () => {
  test.use({ locale: 'de' });

  test('the companion speaks German and links the German circle guide', async ({ extension }) => {
    const page = await openCompanion(extension);
    const form = page.getByRole('form', { name: 'Neuer Circle' });
    await form.getByLabel('Name des Circles').fill('WOL-Circle Herbst');
    await form.getByLabel('Erstes Treffen (Beginn von Woche 1)').fill(localDay(15));
    await form.getByLabel('Wochentag des Treffens').selectOption({ label: 'Dienstag' });
    await form.getByRole('button', { name: 'Circle anlegen' }).click();
    await expect(page.getByRole('heading', { name: 'Woche 3 von 12' })).toBeVisible();
    await expect(page.getByText(/Blocken Sie diese Woche etwas Zeit im Kalender/)).toBeVisible();
    await expect(page.getByRole('link', { name: /Offiziellen Circle-Guide/ })).toHaveAttribute(
      'href',
      'https://workingoutloud.com/de/circle-guides',
    );
    await page
      .getByRole('textbox', { name: 'Mein Ziel' })
      .fill('Ein Netzwerk für barrierefreie Intranetseiten aufbauen.');
    await expect(page.getByText('6 von weniger als 25 Wörtern')).toBeVisible();
  });
});
