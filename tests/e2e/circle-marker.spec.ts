import type { Page } from '@playwright/test';
import { startDemoIntranet } from '../../demo-intranet/server.mjs';
import { countInClosedShadowRoots, waitForRole } from '../../scripts/lib/closed-shadow.mjs';
import { openCompanion } from './support/circle';
import { type ExtensionFixture, expect, readExtensionDb, test } from './support/fixtures';
import { tabIdOf } from './support/popup';

type DemoIntranet = Awaited<ReturnType<typeof startDemoIntranet>>;

// Its own demo intranet: the tests post as other circle members, which the browser (always Mara) cannot.
const intranet = test.extend<{ own: DemoIntranet }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructured first argument.
  own: async ({}, use) => {
    const demo = await startDemoIntranet({ port: 0 });
    try {
      await use(demo);
    } finally {
      await demo.close();
    }
  },
});

async function circleWithList(extension: ExtensionFixture, demoUrl: string, people: string[]): Promise<Page> {
  const page = await openCompanion(extension);
  const form = page.getByRole('form', { name: 'New circle' });
  await form.getByLabel('Name of the circle').fill('WOL-Circle Frühjahr');
  await form.getByLabel('Intranet address').fill(demoUrl);
  await form.getByLabel('Group, space or channel').fill('WOL-Circle Frühjahr');
  await form.getByRole('button', { name: 'Create circle' }).click();
  const add = page.getByRole('form', { name: 'Add a person' });
  for (const name of people) {
    await add.getByLabel('Name', { exact: true }).fill(name);
    await add.getByRole('button', { name: 'Add to list' }).click();
    await expect(page.getByText(`${name} is on your list.`)).toBeVisible();
  }
  return page;
}

intranet(
  'posts by people on the relationship list are marked, with a suggestion to contribute',
  async ({ extension, own }) => {
    await circleWithList(extension, own.url, ['Anna Schmidt']);
    const page = await extension.context.newPage();
    await page.goto(own.url);
    const annasPosts = await page.locator('a.post-author', { hasText: /^Anna Schmidt$/ }).count();
    expect(annasPosts).toBeGreaterThan(0);
    await waitForRole(
      page,
      'note',
      'Anna Schmidt is on your relationship list. A small contribution deepens the relationship: thank, comment or share.',
      {
        count: annasPosts,
      },
    );
    // Only hers, inside a closed shadow root beside the post's actions.
    expect(await countInClosedShadowRoots(page, '.marker')).toBe(annasPosts);
    expect(
      await page.evaluate(() => document.querySelector('rueckenwind-circle-marker')?.shadowRoot ?? null),
    ).toBe(null);
    const marked = page.locator('article.post:has(> footer > rueckenwind-circle-marker)');
    await expect(marked).toHaveCount(annasPosts);
    for (const author of await marked.locator(':scope > header > a.post-author').allTextContents()) {
      expect(author).toBe('Anna Schmidt');
    }
  },
);

intranet(
  'weekly logs members share on the intranet show as each member’s weeks in the companion',
  async ({ extension, own }) => {
    const companion = await circleWithList(extension, own.url, []);
    await expect(companion.getByText(/No shared logs seen yet/)).toBeVisible();
    const log = (week: number) =>
      `WOL circle “WOL-Circle Frühjahr”, week ${week} of 12\n\nWhat I did toward my goal:\nInterviews.`;
    own.store.addPost({ authorId: 'jonas.weber', body: log(1) });
    own.store.addPost({ authorId: 'jonas.weber', body: log(2) });
    own.store.addPost({ authorId: 'priya.natarajan', body: log(2) });
    // Another circle's log is not ours.
    own.store.addPost({ authorId: 'sofia.rossi', body: 'WOL circle “Andere Runde”, week 3 of 12\n\nDone.' });

    const page = await extension.context.newPage();
    await page.goto(own.url);
    await expect
      .poll(async () => {
        const [circle] = (await readExtensionDb(extension, 'circles')) as Array<{ sharedLogs?: unknown[] }>;
        return circle?.sharedLogs?.length ?? 0;
      })
      .toBe(3);

    await companion.reload();
    const members = companion.getByRole('list').filter({ has: companion.locator('[data-member]') });
    await expect(members.locator('[data-member="Jonas Weber"]')).toContainText('2 of 12 weeks (week 1, 2)');
    await expect(members.locator('[data-member="Priya Natarajan"]')).toContainText('1 of 12 weeks (week 2)');
    await expect(companion.locator('[data-member="Sofia Rossi"]')).toHaveCount(0);
  },
);

intranet(
  'the context menu on a post knows whose post it is, for “Add the author to my relationship list”',
  async ({ extension, own }) => {
    await circleWithList(extension, own.url, ['Jonas Weber']);
    const page = await extension.context.newPage();
    await page.goto(own.url);
    await waitForRole(page, 'note', /^Jonas Weber is on your relationship list/);
    const post = page
      .locator('article.post', {
        has: page.locator(':scope > header > a.post-author', { hasText: /^Anna Schmidt$/ }),
      })
      .first();
    await post.locator(':scope > .post-body').dispatchEvent('contextmenu');
    const tabId = await tabIdOf(extension, own.url);
    // What the background asks when the menu item is clicked.
    const reply = await extension.serviceWorker.evaluate(
      ({ tabId, origin }) =>
        (
          globalThis as unknown as {
            chrome: { tabs: { sendMessage: (id: number, m: object) => Promise<unknown> } };
          }
        ).chrome.tabs.sendMessage(tabId, { type: 'circle.authorAtMenu', origin }),
      { tabId, origin: new URL(own.url).origin },
    );
    expect(reply).toEqual({
      author: { name: 'Anna Schmidt', id: 'anna.schmidt', profileUrl: `${own.url}/people/anna.schmidt` },
    });
  },
);
