// @vitest-environment node
import { request } from 'node:http';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoIntranet } from '../../../demo-intranet/server.mjs';

type Intranet = Awaited<ReturnType<typeof startDemoIntranet>>;
type Doc = ReturnType<InstanceType<Window['DOMParser']>['parseFromString']>;
type El = NonNullable<ReturnType<Doc['querySelector']>>;
type ApiPost = {
  id: string;
  parentId: string | null;
  author: { id: string };
  body: string;
  replies: ApiPost[];
};

let intranet: Intranet;
let window: Window;

beforeAll(async () => {
  intranet = await startDemoIntranet();
  window = new Window({ url: 'http://127.0.0.1/' });
});

afterAll(async () => {
  await window.happyDOM.close();
  await intranet.close();
});

const parse = (html: string): Doc => new window.DOMParser().parseFromString(html, 'text/html');

async function getPage(path: string, cookie?: string) {
  const response = await fetch(`${intranet.url}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
  return { response, doc: parse(await response.text()) };
}

/** A fresh session as a browser gets it: the cookie from the first page load and the page's CSRF token. */
async function openSession() {
  const { response, doc } = await getPage('/');
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const csrf = doc.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
  expect(cookie).toMatch(/^demo_session=.+/);
  expect(csrf).not.toBe('');
  return { cookie, csrf };
}

function post(path: string, body: unknown, headers: Record<string, string>) {
  return fetch(`${intranet.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** GET or POST with the path sent verbatim: fetch would normalise the dot segments we want to send. */
function rawRequest(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
) {
  const { hostname, port } = new URL(intranet.url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      { host: hostname, port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const childSummary = (el: El) =>
  Array.from(el.children, (child) => `${child.tagName.toLowerCase()}.${child.className}`);

/** Checks one post element (and its replies) against the markup contract and the store. */
function expectContractMarkup(article: El, isReply: boolean) {
  const id = article.getAttribute('data-post-id') ?? '';
  const stored = intranet.store.getPost(id);
  if (!stored) throw new Error(`post ${id} is not in the store`);
  const author = intranet.store.users.get(stored.authorId);
  if (!author) throw new Error(`author ${stored.authorId} is not in the store`);

  expect(article.tagName).toBe('ARTICLE');
  expect(article.id).toBe(`post-${id}`);
  expect(article.className).toBe(isReply ? 'post reply' : 'post');
  expect(childSummary(article)).toEqual([
    'header.post-header',
    'div.post-body',
    'footer.post-actions',
    ...(stored.replyIds.length > 0 ? ['ol.replies'] : []),
  ]);

  const [header, body, footer, replies] = Array.from(article.children);
  expect(childSummary(header as El)).toEqual(['span.avatar', 'a.post-author', 'a.post-permalink']);
  const [avatar, authorLink, permalink] = Array.from((header as El).children);
  expect(avatar?.getAttribute('aria-hidden')).toBe('true');
  expect(avatar?.textContent).toBe(
    author.name
      .split(' ')
      .map((word) => word[0])
      .join(''),
  );
  expect(authorLink?.getAttribute('href')).toBe(`/people/${author.id}`);
  expect(authorLink?.getAttribute('data-user-id')).toBe(author.id);
  expect(authorLink?.textContent).toBe(author.name);
  expect(permalink?.getAttribute('href')).toBe(`/posts/${id}`);
  expect(childSummary(permalink as El)).toEqual(['time.']);
  const time = permalink?.children[0];
  expect(time?.getAttribute('datetime')).toBe(stored.createdAt);
  expect(time?.textContent).toMatch(/^\d{1,2}\. \p{L}+ \d{4} um \d{2}:\d{2}$/u);

  const paragraphs = Array.from((body as El).children);
  expect(paragraphs.every((p) => p.tagName === 'P')).toBe(true);
  expect(paragraphs.map((p) => p.textContent).join('\n\n')).toBe(stored.body);

  const buttons = Array.from((footer as El).children);
  expect(buttons.map((b) => [b.tagName, b.getAttribute('type'), b.className, b.textContent])).toEqual([
    ['BUTTON', 'button', 'action-like', 'Gefällt mir'],
    ['BUTTON', 'button', 'action-reply', 'Antworten'],
  ]);

  if (replies) {
    const items = Array.from(replies.children);
    expect(items.every((li) => li.tagName === 'LI' && li.children.length === 1)).toBe(true);
    const replyArticles = items.map((li) => li.children[0] as El);
    expect(replyArticles.map((reply) => reply.getAttribute('data-post-id'))).toEqual(stored.replyIds);
    for (const reply of replyArticles) expectContractMarkup(reply, true);
  }
}

describe('feed page', () => {
  it('server-renders the 10 newest top-level posts in the contract markup', async () => {
    const { response, doc } = await getPage('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(doc.documentElement.getAttribute('lang')).toBe('de');
    expect(doc.querySelector('meta[name="generator"]')?.getAttribute('content')).toBe(
      'Rueckenwind demo intranet',
    );
    expect(doc.title).toBe('Neuigkeiten – Intranet – Musterwerk AG');
    expect(doc.querySelector('a.current-user')?.getAttribute('data-user-id')).toBe('mara.keller');

    const feed = doc.querySelector('main#feed');
    if (!feed) throw new Error('no main#feed');
    expect(feed.className).toBe('feed');
    const topLevel = Array.from(feed.children);
    expect(topLevel.map((el) => el.getAttribute('data-post-id'))).toEqual(
      intranet.store.topLevelIds.slice(0, 10),
    );
    for (const article of topLevel) expectContractMarkup(article, false);
    // The first page has to show nesting, or the adapter would never meet a reply to a reply.
    expect(feed.querySelectorAll('article.reply ol.replies article.reply').length).toBeGreaterThan(0);

    const sentinel = doc.getElementById('feed-sentinel');
    const loadMore = doc.getElementById('load-more');
    expect(sentinel?.previousElementSibling).toBe(feed);
    expect(loadMore?.getAttribute('type')).toBe('button');
    expect(loadMore?.textContent).toBe('Weitere Beiträge laden');
    expect(loadMore?.hasAttribute('hidden')).toBe(false);
    const script = doc.querySelector('script[src="/assets/feed.js"]');
    expect(script?.hasAttribute('defer')).toBe(true);
  });

  it('shows a single post with its replies, and sends a reply permalink to its thread', async () => {
    const [rootId] = intranet.store.topLevelIds.filter(
      (id) => (intranet.store.getPost(id)?.replyIds.length ?? 0) > 0,
    );
    const root = intranet.store.getPost(rootId ?? '');
    if (!root) throw new Error('no seeded thread');
    const { response, doc } = await getPage(`/posts/${root.id}`);
    expect(response.status).toBe(200);
    const feed = doc.querySelector('main#feed');
    expect(feed?.className).toBe('feed single');
    expect(Array.from(feed?.children ?? [], (el) => el.id)).toEqual([`post-${root.id}`]);
    expectContractMarkup(feed?.children[0] as El, false);

    const replyId = root.replyIds[0];
    const redirect = await fetch(`${intranet.url}/posts/${replyId}`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(`/posts/${root.id}#post-${replyId}`);
  });
});

describe('sessions', () => {
  it('issues an HttpOnly Lax session cookie with its own CSRF token, and keeps it', async () => {
    const first = await fetch(`${intranet.url}/about`);
    const second = await fetch(`${intranet.url}/about`);
    const [cookieA] = first.headers.getSetCookie();
    const [cookieB] = second.headers.getSetCookie();
    expect(cookieA).toMatch(/^demo_session=[\w-]{32,}; HttpOnly; SameSite=Lax; Path=\/$/);
    expect(cookieB).toMatch(/^demo_session=[\w-]{32,}; HttpOnly; SameSite=Lax; Path=\/$/);
    expect(cookieA).not.toBe(cookieB);
    const tokenOf = (html: string) =>
      parse(html).querySelector('meta[name="csrf-token"]')?.getAttribute('content');
    const tokenA = tokenOf(await first.text());
    expect(tokenA).toMatch(/^[\w-]{32,}$/);
    expect(tokenA).not.toBe(tokenOf(await second.text()));

    const cookie = cookieA?.split(';')[0] ?? '';
    const again = await fetch(`${intranet.url}/`, { headers: { Cookie: `theme=dark; ${cookie}` } });
    expect(again.headers.getSetCookie()).toEqual([]);
    expect(tokenOf(await again.text())).toBe(tokenA);
  });

  it('replaces an unknown session cookie with a new session', async () => {
    const response = await fetch(`${intranet.url}/`, { headers: { Cookie: 'demo_session=forged' } });
    expect(response.headers.getSetCookie()[0]).toMatch(/^demo_session=(?!forged;)[\w-]+;/);
  });

  it('answers /api/me only with a session', async () => {
    const anonymous = await fetch(`${intranet.url}/api/me`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toHaveProperty('error');

    const { cookie } = await openSession();
    const me = await fetch(`${intranet.url}/api/me`, { headers: { Cookie: cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      id: 'mara.keller',
      name: 'Mara Keller',
      profileUrl: '/people/mara.keller',
    });
  });
});

describe('writing posts and replies', () => {
  const threadId = () => intranet.store.topLevelIds[0] ?? '';

  it('refuses a reply without session (401) or without the right CSRF token (403), and stores nothing', async () => {
    const before = intranet.store.posts.size;
    const path = `/api/posts/${threadId()}/replies`;
    const { cookie, csrf } = await openSession();
    const other = await openSession();

    const noCookie = await post(path, { body: 'Danke!' }, { 'X-CSRF-Token': csrf });
    expect(noCookie.status).toBe(401);
    expect(await noCookie.json()).toHaveProperty('error');
    const statuses = await Promise.all([
      post(path, { body: 'Danke!' }, { Cookie: cookie }).then((r) => r.status),
      post(path, { body: 'Danke!' }, { Cookie: cookie, 'X-CSRF-Token': `${csrf}x` }).then((r) => r.status),
      post(path, { body: 'Danke!' }, { Cookie: cookie, 'X-CSRF-Token': other.csrf }).then((r) => r.status),
      post('/api/posts', { body: 'Danke!' }, { Cookie: cookie }).then((r) => r.status),
    ]);
    expect(statuses).toEqual([403, 403, 403, 403]);
    expect(intranet.store.posts.size).toBe(before);
  });

  it('refuses bad bodies with 415, 400, 413 and unknown threads with 404', async () => {
    const before = intranet.store.posts.size;
    const { cookie, csrf } = await openSession();
    const auth = { Cookie: cookie, 'X-CSRF-Token': csrf };
    const path = `/api/posts/${threadId()}/replies`;
    const huge = JSON.stringify({ body: 'x'.repeat(70 * 1024) });

    const statuses = await Promise.all([
      post(path, { body: 'Danke!' }, { ...auth, 'Content-Type': 'text/plain' }).then((r) => r.status),
      post(path, '{"body": ', auth).then((r) => r.status),
      post(path, { text: 'Danke!' }, auth).then((r) => r.status),
      post(path, { body: 42 }, auth).then((r) => r.status),
      post(path, { body: ' \n\t ' }, auth).then((r) => r.status),
      post(path, { body: 'x'.repeat(5001) }, auth).then((r) => r.status),
      post(path, huge, auth).then((r) => r.status),
      post('/api/posts/999999/replies', { body: 'Danke!' }, auth).then((r) => r.status),
    ]);
    expect(statuses).toEqual([415, 400, 400, 400, 400, 400, 413, 404]);

    // Without Content-Length the limit has to hold while streaming.
    const chunked = await rawRequest(path, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: Buffer.from(huge),
    });
    expect(chunked.status).toBe(413);
    expect(intranet.store.posts.size).toBe(before);
  });

  it('creates a reply with session and CSRF token; it shows once on the reloaded thread page', async () => {
    const { cookie, csrf } = await openSession();
    const parentId = threadId();
    const text = `Danke für den Beitrag! ${Math.random()}`;
    const response = await post(
      `/api/posts/${parentId}/replies`,
      { body: `  ${text}\n` },
      { Cookie: cookie, 'X-CSRF-Token': csrf },
    );
    expect(response.status).toBe(201);
    const created = (await response.json()) as ApiPost;
    expect(created).toMatchObject({
      parentId,
      author: { id: 'mara.keller', name: 'Mara Keller', profileUrl: '/people/mara.keller' },
      body: text,
      replies: [],
    });
    expect(Date.parse((created as ApiPost & { createdAt: string }).createdAt)).toBeGreaterThan(
      Date.now() - 60_000,
    );

    const { doc } = await getPage(`/posts/${parentId}`, cookie);
    const matching = Array.from(doc.querySelectorAll('article.post')).filter(
      (article) => article.querySelector(':scope > .post-body')?.textContent === text,
    );
    expect(matching.map((article) => article.id)).toEqual([`post-${created.id}`]);
    const thread = doc.getElementById(`post-${parentId}`);
    expect(thread?.querySelector(':scope > ol.replies > li:last-child > article')?.id).toBe(
      `post-${created.id}`,
    );
    expectContractMarkup(matching[0] as El, true);

    const viaApi = (await (await fetch(`${intranet.url}/api/posts/${parentId}`)).json()) as ApiPost;
    expect(viaApi.replies.at(-1)?.id).toBe(created.id);
  });

  it('accepts exactly 5000 characters', async () => {
    const { cookie, csrf } = await openSession();
    const response = await post(
      `/api/posts/${threadId()}/replies`,
      { body: 'x'.repeat(5000) },
      { Cookie: cookie, 'X-CSRF-Token': csrf },
    );
    expect(response.status).toBe(201);
  });

  it('creates a top-level post that leads the feed', async () => {
    const { cookie, csrf } = await openSession();
    const response = await post(
      '/api/posts',
      { body: '#WOL Woche 3: Prototyp steht.' },
      { Cookie: cookie, 'X-CSRF-Token': csrf },
    );
    expect(response.status).toBe(201);
    const created = (await response.json()) as ApiPost;
    expect(created.parentId).toBeNull();
    const { doc } = await getPage('/', cookie);
    expect(doc.querySelector('main#feed > article.post')?.id).toBe(`post-${created.id}`);
  });

  it('adds a reply to a reply of a reply to that thread, so nesting stays at two levels', async () => {
    const store = intranet.store;
    const deepest = Array.from(store.posts.values()).find((p) => store.depthOf(p) === 2);
    if (!deepest?.parentId) throw new Error('the seed has no reply at depth 2');
    const { cookie, csrf } = await openSession();
    const response = await post(
      `/api/posts/${deepest.id}/replies`,
      { body: 'Genau!' },
      { Cookie: cookie, 'X-CSRF-Token': csrf },
    );
    expect(response.status).toBe(201);
    const created = (await response.json()) as ApiPost;
    expect(created.parentId).toBe(deepest.parentId);
    expect(store.depthOf(store.getPost(created.id) ?? deepest)).toBe(2);
  });

  it('escapes hostile text in the page', async () => {
    const { cookie, csrf } = await openSession();
    const parentId = threadId();
    const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    const response = await post(
      `/api/posts/${parentId}/replies`,
      { body: hostile },
      { Cookie: cookie, 'X-CSRF-Token': csrf },
    );
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as ApiPost;

    const html = await (
      await fetch(`${intranet.url}/posts/${parentId}`, { headers: { Cookie: cookie } })
    ).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;</p>',
    );
    const doc = parse(html);
    const body = doc.querySelector(`#post-${id} > .post-body`);
    expect(body?.textContent).toBe(hostile);
    expect(body?.querySelectorAll('*').length).toBe(1);
    expect(doc.querySelectorAll('main script, main img').length).toBe(0);
  });
});

describe('pagination API', () => {
  it('returns the top-level posts 10 at a time, then nextPage null', async () => {
    const all = [...intranet.store.topLevelIds];
    expect(all.length).toBeGreaterThan(20);
    const seen: string[] = [];
    let page: number | null = 1;
    const sizes: number[] = [];
    while (page !== null && sizes.length < 20) {
      const response = await fetch(`${intranet.url}/api/posts?page=${page}`);
      expect(response.status).toBe(200);
      const data = (await response.json()) as { posts: ApiPost[]; nextPage: number | null };
      seen.push(...data.posts.map((p) => p.id));
      sizes.push(data.posts.length);
      expect(data.nextPage).toBe(page * 10 < all.length ? page + 1 : null);
      page = data.nextPage;
    }
    expect(seen).toEqual(all);
    expect(sizes.slice(0, -1).every((size) => size === 10)).toBe(true);
    expect(sizes.at(-1)).toBe(all.length - (sizes.length - 1) * 10);

    const beyond = await (await fetch(`${intranet.url}/api/posts?page=${sizes.length + 1}`)).json();
    expect(beyond).toEqual({ posts: [], nextPage: null });
  });

  it('serves posts with their replies as JSON', async () => {
    const first = (await (await fetch(`${intranet.url}/api/posts`)).json()) as { posts: ApiPost[] };
    const withReplies = first.posts.find((p) => p.replies.length > 0);
    const stored = intranet.store.getPost(withReplies?.id ?? '');
    expect(withReplies?.replies.map((r) => r.id)).toEqual(stored?.replyIds);
    expect(withReplies?.replies.every((r) => r.parentId === withReplies.id)).toBe(true);
  });

  it('rejects page numbers that are not positive integers', async () => {
    const statuses = await Promise.all(
      ['0', '-1', 'abc', '1.5', ''].map((page) =>
        fetch(`${intranet.url}/api/posts?page=${page}`).then((r) => r.status),
      ),
    );
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
  });
});

describe('other pages and routes', () => {
  it('shows a profile and the about page with the site header, without posts', async () => {
    const profile = await getPage('/people/fatma.yilmaz');
    expect(profile.response.status).toBe(200);
    expect(profile.doc.querySelector('.profile-name')?.textContent).toBe('Fatma Yılmaz');
    expect(profile.doc.querySelector('.profile-role')?.textContent).toBe('HR Business Partner');
    expect(profile.doc.querySelector('.profile-department')?.textContent).toBe('Personal');
    const about = await getPage('/about');
    expect(about.response.status).toBe(200);
    for (const { doc } of [profile, about]) {
      expect(doc.querySelectorAll('article').length).toBe(0);
      expect(doc.querySelector('.site-header nav a[href="/"]')).not.toBeNull();
      expect(doc.querySelector('meta[name="generator"]')).not.toBeNull();
    }
  });

  it('answers unknown pages, posts, people and API routes with 404', async () => {
    const pages = await Promise.all(
      ['/posts/999999', '/people/nobody', '/nope'].map((path) => getPage(path)),
    );
    expect(pages.map(({ response }) => response.status)).toEqual([404, 404, 404]);
    expect(pages.every(({ doc }) => doc.querySelectorAll('article').length === 0)).toBe(true);

    const api = await Promise.all(
      ['/api/nope', '/api/posts/999999'].map((path) => fetch(`${intranet.url}${path}`)),
    );
    expect(api.map((r) => r.status)).toEqual([404, 404]);
    expect(await api[0]?.json()).toHaveProperty('error');
  });

  it('serves the client script and stylesheet', async () => {
    const script = await fetch(`${intranet.url}/assets/feed.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('/api/posts?page=');
    const css = await fetch(`${intranet.url}/assets/intranet.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('prefers-color-scheme: dark');
  });

  it.each([
    '/assets/../server.mjs',
    '/assets/..%2fserver.mjs',
    '/assets/%2e%2e%2fserver.mjs',
    '/assets/%2e%2e/server.mjs',
    '/assets/..%5cserver.mjs',
    '/assets/%2fetc%2fpasswd',
    '/assets/feed.js%00.css',
    '/assets/.%2e/.%2e/package.json',
    // Out and back into public/: would be served if only the extension were checked.
    '/assets/..%2fpublic%2ffeed.js',
    '/assets/..%2f..%2fdemo-intranet%2fpublic%2fintranet.css',
  ])('refuses path traversal: %s', async (path) => {
    const response = await rawRequest(path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('startDemoIntranet');
    expect(response.body).not.toContain('root:');
    expect(response.body).not.toContain('"devDependencies"');
    expect(response.body).not.toContain('IntersectionObserver');
    expect(response.body).not.toContain('prefers-color-scheme');
  });

  it('listens on loopback only', async () => {
    expect(intranet.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(startDemoIntranet({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});
