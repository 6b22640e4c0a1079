import type { Page } from '@playwright/test';
import { startDemoIntranet } from '../../demo-intranet/server.mjs';
import {
  clickByRole,
  countInClosedShadowRoots,
  findByRole,
  waitForRole,
} from '../../scripts/lib/closed-shadow.mjs';
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
    // Everyone else's posts offer “Add to my list” in the same element, the user's own posts nothing:
    // the page's DOM does not tell who is on the list.
    const authors = await page.locator('article.post > header > a.post-author').allTextContents();
    const others = authors.filter((author) => author !== 'Anna Schmidt' && author !== 'Mara Keller');
    expect(others.length).toBeGreaterThan(0);
    const offers = await waitForRole(page, 'button', /^Add .+ to my relationship list$/, {
      count: others.length,
    });
    expect(offers.map((offer) => offer.name).sort()).toEqual(
      others.map((author) => `Add ${author} to my relationship list`).sort(),
    );
    const withElement = page.locator('article.post:has(> footer > rueckenwind-circle-marker)');
    await expect(withElement).toHaveCount(annasPosts + others.length);
    const marasPosts = page.locator('article.post', {
      has: page.locator(':scope > header > a.post-author', { hasText: /^Mara Keller$/ }),
    });
    expect(await marasPosts.count()).toBeGreaterThan(0);
    await expect(marasPosts.locator(':scope > footer > rueckenwind-circle-marker')).toHaveCount(0);
  },
);

const addJonas = 'Add Jonas Weber to my relationship list';
const jonasListed = /^Jonas Weber is on your relationship list\./;

/** How many posts on the page Jonas Weber wrote (more than one: all of them get the marker). */
async function postsByJonas(page: Page): Promise<number> {
  const count = await page.locator('a.post-author', { hasText: /^Jonas Weber$/ }).count();
  expect(count).toBeGreaterThan(1);
  return count;
}

/** The companion lists exactly this person, with their intranet identity (profile link). */
async function expectListedInCompanion(companion: Page, demoUrl: string) {
  await companion.reload();
  const entries = companion.locator('li.relationship');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toHaveAttribute('data-person', 'Jonas Weber');
  await expect(entries.first().getByRole('link', { name: 'Jonas Weber' })).toHaveAttribute(
    'href',
    `${demoUrl}/people/jonas.weber`,
  );
}

intranet(
  'one click on “Add to my list” puts the post’s author on the relationship list and marks all their posts',
  async ({ extension, own }) => {
    const companion = await circleWithList(extension, own.url, []);
    const page = await extension.context.newPage();
    await page.goto(own.url);
    const jonasPosts = await postsByJonas(page);
    await waitForRole(page, 'button', addJonas, { count: jonasPosts });
    expect(await countInClosedShadowRoots(page, '.marker')).toBe(0);

    // His second post, not the first: every post of his follows.
    await clickByRole(page, 'button', addJonas, { nth: 1 });
    await waitForRole(page, 'note', jonasListed, { count: jonasPosts });
    await waitForRole(page, 'button', addJonas, { count: 0 });
    await expect
      .poll(() => findByRole(page, 'StaticText', 'Jonas Weber is now on your relationship list.'))
      .toHaveLength(1);
    // Nobody else was marked, and the others can still be added.
    expect(await countInClosedShadowRoots(page, '.marker')).toBe(jonasPosts);
    await waitForRole(page, 'button', 'Add Anna Schmidt to my relationship list');

    const [relationship] = (await readExtensionDb(extension, 'relationships')) as Array<{ person: unknown }>;
    expect(relationship?.person).toEqual({
      name: 'Jonas Weber',
      id: 'jonas.weber',
      profileUrl: `${own.url}/people/jonas.weber`,
    });
    await expectListedInCompanion(companion, own.url);
  },
);

intranet('“Add to my list” works from the keyboard: Tab to it, Enter', async ({ extension, own }) => {
  const companion = await circleWithList(extension, own.url, []);
  const page = await extension.context.newPage();
  await page.goto(own.url);
  const jonasPosts = await postsByJonas(page);
  await waitForRole(page, 'button', addJonas, { count: jonasPosts });
  // From the host's last button in Jonas's first post, Tab moves through ours to “Add to my list”.
  const firstPost = page
    .locator('article.post', {
      has: page.locator(':scope > header > a.post-author', { hasText: /^Jonas Weber$/ }),
    })
    .first();
  await firstPost.locator(':scope > footer > button.action-reply').focus();
  let tabs = 0;
  for (; tabs < 5; tabs++) {
    await page.keyboard.press('Tab');
    const [focused] = await findByRole(page, 'button', addJonas).then((all) => all.filter((b) => b.focused));
    if (focused) break;
  }
  expect(tabs).toBeLessThan(5);
  await page.keyboard.press('Enter');
  await waitForRole(page, 'note', jonasListed, { count: jonasPosts });
  // The keyboard user keeps their place: the focus is on the marker that replaced the button.
  await expect
    .poll(async () => (await findByRole(page, 'note', jonasListed)).filter((note) => note.focused).length)
    .toBe(1);
  await expectListedInCompanion(companion, own.url);
});

intranet(
  'a failed “Add to my list” says why on the post and can be tried again',
  async ({ extension, own }) => {
    const companion = await circleWithList(extension, own.url, []);
    const page = await extension.context.newPage();
    await page.goto(own.url);
    await waitForRole(page, 'button', addJonas);

    // The circle is deleted after the page loaded: there is no list to add to any more.
    companion.once('dialog', (dialog) => void dialog.accept());
    await companion.getByRole('button', { name: 'Delete circle' }).click();
    await expect(companion.getByRole('form', { name: 'New circle' })).toBeVisible();
    await page.bringToFront();
    await clickByRole(page, 'button', addJonas);
    const problem = 'Create a WOL circle first (Rückenwind button → WOL circle).';
    await expect.poll(() => findByRole(page, 'StaticText', problem)).not.toHaveLength(0);
    expect(await readExtensionDb(extension, 'relationships')).toEqual([]);
    const [button] = await findByRole(page, 'button', addJonas);
    expect(button?.description).toBe(problem);

    // With a circle again, the same button works.
    const form = companion.getByRole('form', { name: 'New circle' });
    await form.getByLabel('Name of the circle').fill('Zweite Runde');
    await form.getByRole('button', { name: 'Create circle' }).click();
    await expect(companion.getByRole('form', { name: 'Add a person' })).toBeVisible();
    await page.bringToFront();
    await clickByRole(page, 'button', addJonas);
    await waitForRole(page, 'note', jonasListed);
    await expectListedInCompanion(companion, own.url);
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
