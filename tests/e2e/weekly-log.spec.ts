import type { Page } from '@playwright/test';
import { localDay, openCompanion, thankAnnaOnDemo } from './support/circle';
import { type ExtensionFixture, expect, readExtensionDb, test } from './support/fixtures';
import { openPopupFor } from './support/popup';

type StoredLog = {
  id: string;
  circleId?: string;
  weekStart: string;
  did: string;
  contributions: string;
  next: string;
  confidence: number;
  postedText?: string;
  sync: { state: string };
};

/** A circle whose group is on the demo intranet, created on the companion page. */
async function createCircleOnDemo(extension: ExtensionFixture, demoUrl: string): Promise<Page> {
  const page = await openCompanion(extension);
  const form = page.getByRole('form', { name: 'New circle' });
  await form.getByLabel('Name of the circle').fill('WOL-Circle Frühjahr');
  await form.getByLabel('First meeting (start of week 1)').fill(localDay(8));
  await form.getByLabel('Intranet address').fill(demoUrl);
  await form.getByLabel('Group, space or channel').fill('WOL-Circle Frühjahr');
  await form.getByRole('button', { name: 'Create circle' }).click();
  await expect(page.getByRole('heading', { name: 'Week 2 of 12' })).toBeVisible();
  return page;
}

test('logging a week from the popup: prefilled contributions, private confidence, shared as readable text', async ({
  extension,
  demo,
}) => {
  const circlePage = await createCircleOnDemo(extension, demo.url);

  // A thank-you this week prefills "contributions made".
  const intranet = await thankAnnaOnDemo(extension, demo.url);

  const popup = await openPopupFor(extension, intranet);
  const open = popup.getByRole('button', { name: 'Log this week' });
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  await open.click();
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  await expect(popup.getByText('WOL-Circle Frühjahr: week 2 of 12')).toBeVisible();
  const contributions = popup.getByRole('textbox', { name: 'Contributions I made' });
  await expect(contributions).toHaveValue('• Thanked Anna Schmidt: “Danke für den Einkaufsleitfaden!”');

  await popup
    .getByRole('textbox', { name: 'What I did toward my goal' })
    .fill('Talked to two people in purchasing.');
  await popup.getByRole('textbox', { name: "What's next" }).fill('Share the checklist with the team.');
  await popup.getByRole('radio', { name: '2' }).check();
  await popup.getByRole('checkbox', { name: /Share with the circle in “WOL-Circle Frühjahr”/ }).check();
  const expectedText = [
    'WOL circle “WOL-Circle Frühjahr”, week 2 of 12',
    'What I did toward my goal:\nTalked to two people in purchasing.',
    'Contributions:\n• Thanked Anna Schmidt: “Danke für den Einkaufsleitfaden!”',
    'Next:\nShare the checklist with the team.',
  ].join('\n\n');
  await expect(popup.locator('[data-preview="weekly-log"]')).toHaveText(expectedText);
  await popup.getByRole('button', { name: 'Save log' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Saved; it is being shared' })).toBeVisible();

  const [log] = (await readExtensionDb(extension, 'weeklyLogs')) as StoredLog[];
  expect(log).toMatchObject({
    did: 'Talked to two people in purchasing.',
    next: 'Share the checklist with the team.',
    confidence: 2,
    postedText: expectedText,
  });
  // Sent once to the intranet through its own API, as readable text, without the private confidence.
  await expect
    .poll(async () => ((await readExtensionDb(extension, 'weeklyLogs')) as StoredLog[])[0]?.sync.state, {
      timeout: 15_000,
    })
    .toBe('sent');
  const feed = (await (await fetch(`${demo.url}/api/posts`)).json()) as {
    posts: Array<{ author: { id: string }; body: string }>;
  };
  const shared = feed.posts.filter((post) => post.body === expectedText);
  expect(shared).toHaveLength(1);
  expect(shared[0]?.author.id).toBe('mara.keller');
  expect(shared[0]?.body).not.toMatch(/confiden/i);

  // The companion shows the week as logged and shared.
  await circlePage.reload();
  await expect(circlePage.getByText('You logged 1 of 12 weeks.')).toBeVisible();
  await expect(circlePage.getByRole('region', { name: 'Progress' })).toContainText('shared');
});

test('logging the week again edits the same log and keeps it private unless shared', async ({
  extension,
  demo,
}) => {
  await createCircleOnDemo(extension, demo.url);
  const intranet = await extension.context.newPage();
  await intranet.goto(demo.url);

  for (const did of ['First draft of the goal.', 'Goal rewritten in 18 words.']) {
    const popup = await openPopupFor(extension, intranet);
    await popup.getByRole('button', { name: 'Log this week' }).click();
    await popup.getByRole('textbox', { name: 'What I did toward my goal' }).fill(did);
    await popup.getByRole('button', { name: 'Save log' }).click();
    await expect(popup.getByRole('status').filter({ hasText: 'Saved in your browser.' })).toBeVisible();
    await popup.close();
  }
  const logs = (await readExtensionDb(extension, 'weeklyLogs')) as StoredLog[];
  expect(logs).toHaveLength(1);
  expect(logs[0]).toMatchObject({
    did: 'Goal rewritten in 18 words.',
    confidence: 3,
    sync: { state: 'local' },
  });
  expect(logs[0]?.postedText).toBeUndefined();
  expect(await readExtensionDb(extension, 'outbox')).toEqual([]);
});
