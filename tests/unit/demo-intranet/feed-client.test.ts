// @vitest-environment node
import { Browser, type BrowserPage } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startDemoIntranet } from '../../../demo-intranet/server.mjs';
import { serialize } from './dom';

// Runs the real public/feed.js in happy-dom against the real server. happy-dom's IntersectionObserver never
// fires, so these tests drive the "load more" button; the observer path is covered by the e2e tests.

let intranet: Awaited<ReturnType<typeof startDemoIntranet>>;
let browser: Browser;
let page: BrowserPage;

beforeAll(async () => {
  intranet = await startDemoIntranet();
  browser = new Browser({
    // Only our own feed.js runs here, so evaluating scripts is safe.
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
});

afterAll(async () => {
  await browser.close();
  await intranet.close();
});

beforeEach(async () => {
  page = browser.newPage();
  await page.goto(`${intranet.url}/`);
  await page.waitUntilComplete();
});

const shownIds = () =>
  Array.from(page.mainFrame.document.querySelectorAll('#feed > article.post'), (el) =>
    el.getAttribute('data-post-id'),
  );

function loadMoreButton() {
  const button = page.mainFrame.document.getElementById('load-more');
  if (!(button instanceof page.mainFrame.window.HTMLButtonElement)) throw new Error('no button#load-more');
  return button;
}

/** Clicks "load more" until it hides itself; returns how many clicks that took. */
async function loadAll() {
  const button = loadMoreButton();
  let clicks = 0;
  while (!button.hidden && clicks < 20) {
    button.click();
    await page.waitUntilComplete();
    clicks += 1;
  }
  return clicks;
}

it('loads 10 more posts per click until there are none', async () => {
  const document = page.mainFrame.document;
  const all = intranet.store.topLevelIds;
  expect(all.length).toBeGreaterThan(20);
  expect(shownIds()).toEqual(all.slice(0, 10));

  loadMoreButton().click();
  await page.waitUntilComplete();
  expect(shownIds()).toEqual(all.slice(0, 20));
  expect(document.getElementById('feed-status')?.textContent).toBe('');

  const clicks = await loadAll();
  expect(clicks).toBe(Math.ceil(all.length / 10) - 2);
  expect(shownIds()).toEqual(all);
  expect(document.getElementById('feed-status')?.textContent).toBe('Keine weiteren Beiträge');
  expect(loadMoreButton().hidden).toBe(true);
});

it('builds exactly the markup the server renders for the same posts', async () => {
  await loadAll();
  const window = page.mainFrame.window;
  const clientBuilt = Array.from(page.mainFrame.document.querySelectorAll('#feed > article.post')).slice(10);
  expect(clientBuilt.length).toBeGreaterThan(10);
  // Nested replies must be among them, or the comparison would not cover the recursive part.
  expect(clientBuilt.some((article) => article.querySelector('article.reply article.reply'))).toBe(true);

  for (const article of clientBuilt) {
    const html = await (await fetch(`${intranet.url}/posts/${article.getAttribute('data-post-id')}`)).text();
    const serverRendered = new window.DOMParser()
      .parseFromString(html, 'text/html')
      .querySelector('#feed > article');
    if (!serverRendered) throw new Error('no article on the post page');
    expect(serialize(article)).toBe(serialize(serverRendered));
  }
});

it('skips a post it already shows when a new post shifts the pages', async () => {
  const shownBefore = shownIds();
  const session = await fetch(`${intranet.url}/`);
  const cookie = session.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(await session.text())?.[1] ?? '';
  const created = await fetch(`${intranet.url}/api/posts`, {
    method: 'POST',
    headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
    body: JSON.stringify({ body: 'Neuer Beitrag während des Scrollens' }),
  });
  expect(created.status).toBe(201);

  await loadAll();
  const shown = shownIds();
  expect(new Set(shown).size).toBe(shown.length);
  // Everything except the new post, which belongs on a page 1 this reader loaded before it existed.
  expect(shown).toEqual([...shownBefore, ...intranet.store.topLevelIds.slice(11)]);
});
