import { addDays } from '../../lib/db/day-key';
import { expect, test } from './support/fixtures';
import {
  browserToday,
  importHistory,
  openOptions,
  thanksOn,
  weeklyLogOn,
  wolPostOn,
} from './support/history';

/** How the popup names a day (en-US): "Tuesday, November 10". */
const dayName = (day: string) =>
  new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(Date.parse(`${day}T00:00:00Z`));

test('after a scripted history the popup shows the streak with its repaired week, the heatmap and the totals', async ({
  extension,
}) => {
  const { today, monday } = await browserToday(extension);
  const weeksAgo = (n: number, weekday: number) => addDays(monday, -7 * n + weekday);
  // Newest first: this week only a thank-you received (open, not counted); a contribution in each of
  // the six weeks before, except three weeks ago (repaired); nothing seven and eight weeks ago.
  const options = await openOptions(extension);
  await importHistory(options, {
    recognitions: [
      thanksOn('received', today, 'Lea Schäfer', 'received'),
      thanksOn('w1a', weeksAgo(1, 1), 'Jonas Wagner'),
      thanksOn('w1b', weeksAgo(1, 1), 'Jonas Wagner'),
      thanksOn('w4', weeksAgo(4, 0), 'Murat Yılmaz'),
      thanksOn('w6a', weeksAgo(6, 3), 'Jonas Wagner'),
      thanksOn('w6b', weeksAgo(6, 3), 'Lea Schäfer'),
      thanksOn('w6c', weeksAgo(6, 3), 'Jonas Wagner'),
      thanksOn('w9', weeksAgo(9, 2), 'Lea Schäfer'),
    ],
    wolPosts: [wolPostOn('wol2', weeksAgo(2, 2))],
    weeklyLogs: [weeklyLogOn('log5', weeksAgo(5, 4))],
  });

  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  const streak = popup.getByRole('region', { name: 'Your streak' });
  await expect(streak.getByText('6 weeks in a row')).toBeVisible();
  await expect(streak.getByText('This week: 0 of 1, open until Sunday.')).toBeVisible();
  const repaired = streak.locator('[data-repaired]');
  await expect(repaired).toHaveCount(1);
  await expect(repaired).toHaveAttribute('data-repaired', weeksAgo(3, 0));
  await expect(repaired).toHaveText(/^Week of .+ repaired: one missed week in 12 is forgiven\.$/);

  const heatmap = popup.getByRole('grid', { name: 'Your last 12 months' });
  await expect(heatmap.getByRole('gridcell')).toHaveCount(53 * 7);
  // Shades relative to the user's own year: six days with 1, 1, 1, 1, 2 and 3 contributions.
  const cell = (day: string) => heatmap.locator(`td[data-day="${day}"]`);
  await expect(
    heatmap.getByRole('gridcell', { name: `${dayName(weeksAgo(6, 3))}: 3 contributions` }),
  ).toHaveAttribute('data-level', '4');
  await expect(
    heatmap.getByRole('gridcell', { name: `${dayName(weeksAgo(1, 1))}: 2 contributions` }),
  ).toHaveAttribute('data-level', '3');
  await expect(cell(weeksAgo(2, 2))).toHaveAttribute(
    'aria-label',
    `${dayName(weeksAgo(2, 2))}: 1 contribution`,
  );
  await expect(cell(weeksAgo(2, 2))).toHaveAttribute('data-level', '1');
  // A thank-you received is shown in the totals, never counted as the user's contribution.
  await expect(cell(today)).toHaveAttribute('aria-label', `${dayName(today)}: no contributions`);
  await expect(
    heatmap.getByRole('columnheader', { name: `Week of ${dayName(weeksAgo(3, 0))}, repaired` }),
  ).toHaveCount(1);

  // One tab stop, on today; the arrow keys move by day and by week.
  await heatmap.locator('td[tabindex="0"]').focus();
  await expect(popup.locator('td:focus')).toHaveAttribute('data-day', today);
  await popup.keyboard.press('ArrowLeft');
  await expect(popup.locator('td:focus')).toHaveAttribute('data-day', addDays(today, -7));
  await popup.keyboard.press('ArrowLeft');
  await popup.keyboard.press('ArrowUp');
  const focused = addDays(today, today === monday ? -14 : -15);
  await expect(popup.locator('td:focus')).toHaveAttribute('data-day', focused);
  await expect(popup.getByText(dayName(focused), { exact: false }).first()).toBeVisible();

  await expect(popup.locator('[data-figure="thanksReceived"] .count')).toHaveText('1');
  await expect(popup.locator('[data-figure="thanksGiven"] .count')).toHaveText('0');
  const year = popup.getByRole('region', { name: `${today.slice(0, 4)} so far` });
  await expect(year.locator('[data-year="thanksReceived"] dd')).toHaveText('1');

  const people = popup.getByRole('region', { name: 'People you thanked most' });
  await expect(people.getByRole('listitem').first()).toHaveText('Jonas Wagner4 thank-yous');
});

test('the weekly goal from the options decides which weeks count', async ({ extension }) => {
  const { monday } = await browserToday(extension);
  const options = await openOptions(extension);
  await importHistory(options, {
    recognitions: [
      thanksOn('a1', addDays(monday, -7), 'Jonas Wagner'),
      thanksOn('a2', addDays(monday, -6), 'Jonas Wagner'),
      thanksOn('b1', addDays(monday, -14), 'Lea Schäfer'),
    ],
  });
  await options.getByRole('spinbutton', { name: 'Contributions per week for your streak' }).fill('2');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  await expect(popup.getByRole('region', { name: 'Your streak' }).getByText('1 week in a row')).toBeVisible();
  await expect(popup.getByText('This week: 0 of 2, open until Sunday.')).toBeVisible();
});

test.describe('in German', () => {
  test.use({ locale: 'de' });

  test('the popup speaks German, with German day names in the heatmap', async ({ extension }) => {
    const { monday } = await browserToday(extension);
    const tuesday = addDays(monday, -6);
    const options = await openOptions(extension);
    await importHistory(options, {
      recognitions: [thanksOn('a', tuesday, 'Jonas Wagner'), thanksOn('b', tuesday, 'Lea Schäfer')],
      wolPosts: [wolPostOn('w', addDays(monday, -21))],
    });

    const popup = await extension.context.newPage();
    await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
    const streak = popup.getByRole('region', { name: 'Ihre Serie' });
    await expect(streak.getByText('3 Wochen in Folge')).toBeVisible();
    await expect(streak.locator('[data-repaired]')).toHaveText(/^Woche vom .+ repariert: /);
    const german = new Intl.DateTimeFormat('de', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(Date.parse(`${tuesday}T00:00:00Z`));
    await expect(
      popup
        .getByRole('grid', { name: 'Ihre letzten 12 Monate' })
        .getByRole('gridcell', { name: `${german}: 2 Beiträge` }),
    ).toHaveCount(1);
  });
});
