// The History in the options: the user's own records, newest first, each deletable by keyboard with a
// confirmation in place. A deletion uncounts the record (the popup's totals follow), and a thank-you
// received that was deleted stays deleted when the intranet is scanned again (real WordPress 6.1).
import type { Page } from '@playwright/test';
import { addDays } from '../../lib/db/day-key';
import { commentAs } from '../hosts/wordpress/comment-as.mjs';
import { startWordPress, type WordPress } from '../hosts/wordpress/start.mjs';
import { test as base, expect, readExtensionDb } from './support/fixtures';
import {
  browserToday,
  importHistory,
  openOptions,
  thanksOn,
  weeklyLogOn,
  wolPostOn,
} from './support/history';
import { enableThroughPopup } from './support/popup';
import { receivedThanks, stopServiceWorker } from './support/received';
import { installWordPressPackages, signInToWordPress } from './support/wordpress';

// A WordPress of this spec file's own: shared with another spec, one spec's comments would reach the
// other's scan for thanks received.
const test = base.extend<object, { wordpress: WordPress }>({
  wordpress: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructured first argument.
    async ({}, use) => {
      await installWordPressPackages();
      const wordpress = await startWordPress();
      try {
        await use(wordpress);
      } finally {
        await wordpress.close();
      }
    },
    // A fresh machine first installs the Debian packages (about a minute).
    { scope: 'worker', timeout: 15 * 60_000 },
  ],
});

/** How the History names a day (en-US): "November 22, 2026". */
const longDate = (day: string) =>
  new Intl.DateTimeFormat('en-US', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${day}T00:00:00Z`));

const historyOf = (options: Page) => options.getByRole('region', { name: 'History' });

test('the History lists each kind newest first, and a keyboard delete uncounts the record', async ({
  extension,
}) => {
  const { today } = await browserToday(extension);
  const options = await openOptions(extension);
  await importHistory(options, {
    recognitions: [
      thanksOn('given-1', today, 'Jonas Wagner'),
      thanksOn('given-2', today, 'Murat Yılmaz'),
      thanksOn('received-1', addDays(today, -1), 'Lea Schäfer', 'received'),
    ],
    wolPosts: [wolPostOn('post-1', addDays(today, -2))],
    weeklyLogs: [weeklyLogOn('log-1', addDays(today, -3))],
  });

  const history = historyOf(options);
  const entries = history.getByRole('listitem');
  // The two thanks of the same moment come in the index's order (greater id first).
  await expect(entries).toHaveCount(5);
  await expect(entries.nth(0)).toContainText('Thank-you to Murat Yılmaz');
  await expect(entries.nth(1)).toContainText('Thank-you to Jonas Wagner');
  await expect(entries.nth(1)).toContainText(
    `Danke, Jonas Wagner!${longDate(today)} · on intranet.example-gmbh.de · posted`,
  );
  await expect(entries.nth(2)).toContainText('Thank-you from Lea Schäfer');
  await expect(entries.nth(3)).toContainText('Working Out Loud post');
  await expect(entries.nth(4)).toContainText('Weekly log for the week of');

  await history.getByLabel('Show').selectOption({ label: 'Thanks received' });
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Thank-you from Lea Schäfer');
  await history.getByLabel('Show').selectOption({ label: 'Everything' });
  await expect(entries).toHaveCount(5);

  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  await expect(popup.locator('[data-figure="thanksGiven"] .count')).toHaveText('2');
  const year = popup.getByRole('region', { name: `${today.slice(0, 4)} so far` });
  await expect(year.locator('[data-year="thanksGiven"] dd')).toHaveText('2');

  // Escape keeps the record, and focus returns to its Delete button.
  const deleteJonas = history.getByRole('button', {
    name: `Delete thank-you to Jonas Wagner of ${longDate(today)}`,
  });
  await deleteJonas.focus();
  await options.keyboard.press('Enter');
  const confirm = history.getByRole('button', { name: 'Confirm delete' });
  await expect(confirm).toBeFocused();
  await expect(
    history.getByText(`Delete the thank-you to Jonas Wagner of ${longDate(today)} for good?`),
  ).toBeVisible();
  await options.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(deleteJonas).toBeFocused();

  // Enter, Enter: deleted, announced, and focus moves on to the next entry's Delete.
  await options.keyboard.press('Enter');
  await expect(confirm).toBeFocused();
  await options.keyboard.press('Enter');
  await expect(
    history
      .getByRole('status')
      .filter({ hasText: `Deleted the thank-you to Jonas Wagner of ${longDate(today)}.` }),
  ).toBeVisible();
  await expect(entries).toHaveCount(4);
  await expect(entries.filter({ hasText: 'Thank-you to Jonas Wagner' })).toHaveCount(0);
  await expect(
    history.getByRole('button', {
      name: `Delete thank-you from Lea Schäfer of ${longDate(addDays(today, -1))}`,
    }),
  ).toBeFocused();

  const ids = ((await readExtensionDb(extension, 'recognitions')) as Array<{ id: string }>).map(
    (rec) => rec.id,
  );
  expect(ids.sort()).toEqual(['given-2', 'received-1']);
  // Only a thank-you received needs remembering as deleted: nothing else can come back by itself.
  expect(await readExtensionDb(extension, 'deletions')).toEqual([]);

  await popup.reload();
  await expect(popup.locator('[data-figure="thanksGiven"] .count')).toHaveText('1');
  await expect(year.locator('[data-year="thanksGiven"] dd')).toHaveText('1');

  // The post and the log go the same way, and the totals follow.
  await history
    .getByRole('button', { name: `Delete Working Out Loud post of ${longDate(addDays(today, -2))}` })
    .click();
  await history.getByRole('button', { name: 'Confirm delete' }).click();
  await history.getByRole('button', { name: `Delete weekly log of ${longDate(addDays(today, -3))}` }).click();
  await history.getByRole('button', { name: 'Confirm delete' }).click();
  await expect(entries).toHaveCount(2);
  expect(await readExtensionDb(extension, 'wolPosts')).toEqual([]);
  expect(await readExtensionDb(extension, 'weeklyLogs')).toEqual([]);
  const aggregates = (await readExtensionDb(extension, 'dailyAggregates')) as Array<Record<string, number>>;
  expect(aggregates.reduce((sum, row) => sum + (row.wolPosts ?? 0) + (row.weeklyLogs ?? 0), 0)).toBe(0);
});

test('"Show more" pages through a long history', async ({ extension }) => {
  const { today } = await browserToday(extension);
  const options = await openOptions(extension);
  await importHistory(options, {
    recognitions: Array.from({ length: 30 }, (_, i) => thanksOn(`t${i}`, addDays(today, -i), `Person ${i}`)),
  });
  const history = historyOf(options);
  await expect(history.getByRole('listitem')).toHaveCount(25);
  await history.getByRole('button', { name: 'Show more' }).click();
  await expect(history.getByRole('listitem')).toHaveCount(30);
  await expect(history.getByRole('listitem').nth(25)).toBeFocused();
  await expect(history.getByRole('listitem').nth(29)).toContainText('Thank-you to Person 29');
  await expect(history.getByRole('button', { name: 'Show more' })).toHaveCount(0);
});

test('a thank-you received from WordPress, deleted in the History, does not come back with the next scan', async ({
  extension,
  wordpress,
}) => {
  const thread = wordpress.posts['onboarding-wiki-ist-online'];
  const maraComment = thread?.comments['mara-walkthrough'];
  if (!thread || !maraComment) throw new Error('the seed has no comment by Mara');
  await commentAs(wordpress, 'jonas', {
    post: thread.id,
    parent: maraComment,
    content: 'Danke, Mara – dein Walkthrough war großartig!',
  });

  const page = await extension.context.newPage();
  await signInToWordPress(page, wordpress, thread.url);
  await enableThroughPopup(extension, page);
  await expect.poll(() => receivedThanks(extension)).toMatchObject([{ from: { name: 'Jonas Weber' } }]);

  const options = await openOptions(extension);
  const history = historyOf(options);
  const entry = history.getByRole('listitem').filter({ hasText: 'Thank-you from Jonas Weber' });
  await expect(entry).toContainText('Danke, Mara – dein Walkthrough war großartig!');
  await entry.getByRole('button', { name: /^Delete thank-you from Jonas Weber of / }).focus();
  await options.keyboard.press('Enter');
  await expect(entry.getByRole('button', { name: 'Confirm delete' })).toBeFocused();
  await options.keyboard.press('Enter');
  await expect(
    history.getByRole('status').filter({ hasText: /^Deleted the thank-you from Jonas Weber/ }),
  ).toBeVisible();
  await expect(entry).toHaveCount(0);
  expect(await receivedThanks(extension)).toEqual([]);

  // Anna thanks Mara too. A restarted background scans again at once: it finds both replies on the
  // host and reads in only Anna's.
  await commentAs(wordpress, 'anna', {
    post: thread.id,
    parent: maraComment,
    content: 'Thank you, Mara! #thanks',
  });
  await stopServiceWorker(extension);
  await page.reload();
  await expect
    .poll(() => receivedThanks(extension))
    .toMatchObject([{ from: { name: 'Anna Becker' }, message: 'Thank you, Mara! #thanks' }]);

  await options.reload();
  await historyOf(options).getByLabel('Show').selectOption({ label: 'Thanks received' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history.getByRole('listitem')).toContainText('Thank-you from Anna Becker');
});

test.describe('in German', () => {
  test.use({ locale: 'de' });

  test('the History names what each Delete deletes in German', async ({ extension }) => {
    const { today } = await browserToday(extension);
    const options = await openOptions(extension);
    await importHistory(options, { recognitions: [thanksOn('given-1', today, 'Jonas Wagner')] });
    const german = new Intl.DateTimeFormat('de', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(Date.parse(`${today}T00:00:00Z`));

    const history = options.getByRole('region', { name: 'Verlauf' });
    await history.getByRole('button', { name: `Danksagung an Jonas Wagner vom ${german} löschen` }).click();
    await history.getByRole('button', { name: 'Löschen bestätigen' }).click();
    await expect(
      history.getByRole('status').filter({ hasText: `„Danksagung an Jonas Wagner vom ${german}“ gelöscht.` }),
    ).toBeVisible();
    await expect(history.getByText('Hier ist noch nichts.')).toBeVisible();
    await expect(history.getByRole('heading', { name: 'Verlauf' })).toBeFocused();
  });
});
