// @vitest-environment node
import { Browser, type BrowserPage } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoIntranet } from '../../../demo-intranet/server.mjs';
import { serialize } from './dom';

// Runs the real public/feed.js in happy-dom against the real server. happy-dom's IntersectionObserver never
// fires, so these tests drive the "load more" button; the observer path is covered by the e2e tests.
// Pages are compared with what the server renders for the same address, so the client keeps the markup
// contract whether it loaded, navigated, re-rendered or updated a page.

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
  const clientBuilt = Array.from(page.mainFrame.document.querySelectorAll('#feed > article.post')).slice(10);
  expect(clientBuilt.length).toBeGreaterThan(10);
  // Nested replies must be among them, or the comparison would not cover the recursive part.
  expect(clientBuilt.some((article) => article.querySelector('article.reply article.reply'))).toBe(true);

  for (const article of clientBuilt) {
    expect(serialize(article)).toBe(await serverArticle(article.getAttribute('data-post-id') ?? ''));
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

/** A page as the server renders it: its div.page, serialised, and its title. */
async function serverRendered(path: string) {
  const html = await (await fetch(`${intranet.url}${path}`)).text();
  const doc = new page.mainFrame.window.DOMParser().parseFromString(html, 'text/html');
  const content = doc.querySelector('body > div.page');
  if (!content) throw new Error(`no div.page on ${path}`);
  return { content: serialize(content), title: doc.title };
}

/** A thread as the server renders it on its post page, serialised. */
async function serverArticle(id: string) {
  const html = await (await fetch(`${intranet.url}/posts/${id}`)).text();
  const article = new page.mainFrame.window.DOMParser()
    .parseFromString(html, 'text/html')
    .querySelector('#feed > article');
  if (!article) throw new Error(`no article on /posts/${id}`);
  return serialize(article);
}

function shown() {
  const document = page.mainFrame.document;
  const content = document.querySelector('body > div.page');
  if (!content) throw new Error('no div.page');
  return { content: serialize(content), title: document.title };
}

/** Marks the current document: a full page load would lose the mark, in-app navigation keeps it. */
function markDocument() {
  page.mainFrame.document.body.setAttribute('data-test-mark', 'same document');
  return () => page.mainFrame.document.body.getAttribute('data-test-mark');
}

function byId(id: string) {
  const el = page.mainFrame.document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

/** Clicks a happy-dom element (its types are happy-dom's own, not the DOM library's). */
function click(el: unknown) {
  if (!(el instanceof page.mainFrame.window.HTMLElement)) throw new Error('nothing to click');
  el.click();
}

describe('in-app navigation', () => {
  it('opens a post in place and comes back to the feed with the back button', async () => {
    const mark = markDocument();
    const [, id] = intranet.store.topLevelIds;
    click(byId(`post-${id}`).querySelector(':scope > header > a.post-permalink'));
    await page.waitUntilComplete();
    expect(page.mainFrame.url).toBe(`${intranet.url}/posts/${id}`);
    expect(mark()).toBe('same document');
    expect(shown()).toEqual(await serverRendered(`/posts/${id}`));

    page.mainFrame.window.history.back();
    await page.waitUntilComplete();
    expect(page.mainFrame.url).toBe(`${intranet.url}/`);
    expect(mark()).toBe('same document');
    expect(shown()).toEqual(await serverRendered('/'));
    // The feed built in place scrolls on like the server-rendered one.
    loadMoreButton().click();
    await page.waitUntilComplete();
    expect(shownIds()).toEqual(intranet.store.topLevelIds.slice(0, 20));
  });

  it("opens a reply's thread at the reply, as the server's redirect does", async () => {
    const reply = page.mainFrame.document.querySelector('#feed article.reply');
    const thread = reply?.parentElement?.closest('article.post');
    click(reply?.querySelector(':scope > header > a.post-permalink'));
    await page.waitUntilComplete();
    const rootId = thread?.getAttribute('data-post-id');
    expect(page.mainFrame.url).toBe(`${intranet.url}/posts/${rootId}#${reply?.id}`);
    expect(shown()).toEqual(await serverRendered(`/posts/${rootId}`));
  });

  it('goes from a server-rendered post page to the feed in place', async () => {
    const [id] = intranet.store.topLevelIds;
    await page.goto(`${intranet.url}/posts/${id}`);
    await page.waitUntilComplete();
    const mark = markDocument();
    click(page.mainFrame.document.querySelector('p.back > a'));
    await page.waitUntilComplete();
    expect(mark()).toBe('same document');
    expect(shown()).toEqual(await serverRendered('/'));
  });

  it('leaves other links to the browser', async () => {
    const mark = markDocument();
    click(page.mainFrame.document.querySelector('.site-nav a[href="/about"]'));
    await page.waitUntilComplete();
    expect(page.mainFrame.url).toBe(`${intranet.url}/about`);
    expect(mark()).toBe(null);
  });
});

describe('re-rendering posts', () => {
  it('"Gefällt mir" replaces the post with a fresh copy that shows the like, and back', async () => {
    const id = intranet.store.topLevelIds[0] ?? '';
    const before = serialize(byId(`post-${id}`));
    const old = byId(`post-${id}`);
    click(old.querySelector(':scope > footer > .action-like'));
    await page.waitUntilComplete();
    const liked = byId(`post-${id}`);
    expect(liked).not.toBe(old);
    expect(old.isConnected).toBe(false);
    expect(liked.querySelector(':scope > footer > .action-like')?.getAttribute('aria-pressed')).toBe('true');

    click(liked.querySelector(':scope > footer > .action-like'));
    await page.waitUntilComplete();
    expect(byId(`post-${id}`)).not.toBe(liked);
    expect(serialize(byId(`post-${id}`))).toBe(before);
  });

  it('"Antworten" re-renders the footer with a form; a sent reply re-renders the thread with it', async () => {
    const id = intranet.store.topLevelIds[0] ?? '';
    const article = byId(`post-${id}`);
    const footer = article.querySelector(':scope > footer');
    click(footer?.querySelector('.action-reply'));
    const withForm = article.querySelector(':scope > footer');
    expect(withForm).not.toBe(footer);
    expect(footer?.isConnected).toBe(false);
    const textarea = withForm?.querySelector('textarea');
    if (!(textarea instanceof page.mainFrame.window.HTMLTextAreaElement)) throw new Error('no textarea');
    expect(page.mainFrame.document.activeElement).toBe(textarea);

    click(withForm?.querySelector('.reply-cancel'));
    expect(article.querySelector(':scope > footer form')).toBe(null);
    click(article.querySelector(':scope > footer .action-reply'));
    const text = `Antwort aus dem Test ${Math.random()}`;
    const form = article.querySelector(':scope > footer form');
    const field = form?.querySelector('textarea');
    if (!(field instanceof page.mainFrame.window.HTMLTextAreaElement)) throw new Error('no textarea');
    field.value = text;
    click(form?.querySelector('button[type="submit"]'));
    await page.waitUntilComplete();

    const thread = byId(`post-${id}`);
    expect(thread).not.toBe(article);
    const created = intranet.store.getPost(intranet.store.getPost(id)?.replyIds.at(-1) ?? '');
    expect(created?.body).toBe(text);
    expect(thread.querySelector(`#post-${created?.id} > .post-body`)?.textContent).toBe(text);
    expect(serialize(thread)).toBe(await serverArticle(id));
  });
});

describe('live updates', () => {
  it('prepends new posts and re-renders threads with new replies when the reader comes back', async () => {
    const document = page.mainFrame.document;
    const shownBefore = shownIds();
    const [, threadId, untouchedId] = shownBefore;
    const oldThread = byId(`post-${threadId}`);
    const untouched = byId(`post-${untouchedId}`);
    const session = await fetch(`${intranet.url}/`);
    const cookie = session.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(await session.text())?.[1] ?? '';
    const write = (path: string, body: string) =>
      fetch(`${intranet.url}${path}`, {
        method: 'POST',
        headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
        body: JSON.stringify({ body }),
      });
    const created = (await (await write('/api/posts', 'Ganz frisch')).json()) as { id: string };
    expect((await write(`/api/posts/${threadId}/replies`, 'Neue Antwort')).status).toBe(201);

    document.dispatchEvent(new page.mainFrame.window.Event('visibilitychange'));
    await page.waitUntilComplete();
    expect(shownIds()).toEqual([created.id, ...shownBefore]);
    expect(byId(`post-${threadId}`)).not.toBe(oldThread);
    expect(byId(`post-${untouchedId}`)).toBe(untouched);
    for (const id of [created.id, threadId ?? '']) {
      expect(serialize(byId(`post-${id}`))).toBe(await serverArticle(id));
    }
  });
});
