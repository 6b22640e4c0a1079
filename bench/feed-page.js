/**
 * The benchmark feed's own script (a classic script in the page's world, served by feed-server.mjs).
 * Infinite scroll as on the demo intranet: when the sentinel below the feed nears the viewport, the next
 * batch is fetched and appended in the demo's post markup. It also takes the measurements only the page
 * can take: when each post was inserted, when the extension's host element appeared in it, and which
 * layout shifts happened. The benchmark reads them through `window.feedBench`.
 */

/**
 * @typedef {{ id: string, name: string, profileUrl: string }} ApiAuthor
 * @typedef {{ id: string, author: ApiAuthor, createdAt: string, body: string, replies: ApiPost[] }} ApiPost
 * @typedef {{ posts: ApiPost[], next: number | null }} ApiBatch
 * @typedef {{ x: number, y: number, width: number, height: number }} Rect
 * @typedef {{ node: string, postId: string | null, ours: boolean, previousRect: Rect, currentRect: Rect }} ShiftSource
 * @typedef {{ startTime: number, value: number, sources: ShiftSource[] }} Shift
 * @typedef {{ value: number, hadRecentInput: boolean, startTime: number,
 *   sources: { node: Node | null, previousRect: DOMRectReadOnly, currentRect: DOMRectReadOnly }[] }} LayoutShiftEntry
 *   Chromium's LayoutShift entry, which TypeScript's DOM types lack.
 * @typedef {object} FeedResults
 * @property {Record<string, number>} insertedAt post id → performance.now() right after it was appended
 * @property {Record<string, number>} mountedAt post id → performance.now() when our host element appeared in it
 * @property {Shift[]} shifts layout shifts without recent input
 * @typedef {object} FeedBench
 * @property {() => boolean} done every batch is in the page
 * @property {() => number} postCount posts inserted so far, replies included
 * @property {() => number} mountedCount posts in which our host element has appeared
 * @property {(timeoutMs: number) => Promise<void>} nextBatch resolves once the next batch is appended
 * @property {() => FeedResults} results
 */

(() => {
  /** The extension's light-DOM host element (lib/inject/shadow-host.ts), as nodeName reports it. */
  const HOST_NAME = 'RUECKENWIND-POST-ACTIONS';
  const POST = 'article.post[data-post-id]';

  const feed = document.getElementById('feed');
  const sentinel = document.getElementById('feed-sentinel');
  if (!feed || !sentinel) return;

  /** @type {Map<string, number>} */
  const insertedAt = new Map();
  /** @type {Map<string, number>} */
  const mountedAt = new Map();
  /** @type {Shift[]} */
  const shifts = [];
  /** @type {{ resolve: () => void, reject: (error: Error) => void }[]} */
  let waiters = [];
  /** @type {number | null} */
  let nextBatch = 0;
  let loading = false;

  // Same format as the demo intranet (render.mjs, feed.js).
  const dateFormat = new Intl.DateTimeFormat('de-DE', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  });

  /**
   * @param {string} tag
   * @param {Record<string, string>} attributes
   * @param {string} [text]
   */
  const element = (tag, attributes, text) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  /** @param {string} name */
  const initialsOf = (name) => {
    const words = name.trim().split(/\s+/);
    return `${words[0]?.[0] ?? ''}${words.length > 1 ? (words.at(-1)?.[0] ?? '') : ''}`.toLocaleUpperCase(
      'de',
    );
  };

  /**
   * The demo intranet's post markup (demo-intranet/public/feed.js), node for node.
   * @param {ApiPost} post
   * @param {boolean} isReply
   * @param {string[]} ids collects the ids of this post and its replies
   * @returns {HTMLElement}
   */
  const buildPost = (post, isReply, ids) => {
    ids.push(post.id);
    const article = element('article', {
      class: isReply ? 'post reply' : 'post',
      id: `post-${post.id}`,
      'data-post-id': post.id,
    });
    const header = element('header', { class: 'post-header' });
    const permalink = element('a', { class: 'post-permalink', href: `/posts/${post.id}` });
    permalink.append(
      element('time', { datetime: post.createdAt }, dateFormat.format(new Date(post.createdAt))),
    );
    header.append(
      element('span', { class: 'avatar', 'aria-hidden': 'true' }, initialsOf(post.author.name)),
      element(
        'a',
        { class: 'post-author', href: post.author.profileUrl, 'data-user-id': post.author.id },
        post.author.name,
      ),
      permalink,
    );
    const body = element('div', { class: 'post-body' });
    for (const paragraph of post.body.split(/\n\s*\n/)) {
      if (paragraph.trim()) body.append(element('p', {}, paragraph.trim()));
    }
    const actions = element('footer', { class: 'post-actions' });
    actions.append(
      element('button', { type: 'button', class: 'action-like' }, 'Gefällt mir'),
      document.createTextNode(' '),
      element('button', { type: 'button', class: 'action-reply' }, 'Antworten'),
    );
    article.append(header, body, actions);
    if (post.replies.length > 0) {
      const replies = element('ol', { class: 'replies' });
      for (const reply of post.replies) {
        const item = element('li', {});
        item.append(buildPost(reply, true, ids));
        replies.append(item);
      }
      article.append(replies);
    }
    return article;
  };

  /** @param {Error | undefined} error */
  const settleWaiters = (error) => {
    const settled = waiters;
    waiters = [];
    for (const waiter of settled) error ? waiter.reject(error) : waiter.resolve();
  };

  const load = async () => {
    if (loading || nextBatch === null) return;
    loading = true;
    try {
      const response = await fetch(`/api/feed?batch=${nextBatch}`, {
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status} for batch ${nextBatch}`);
      const batch = /** @type {ApiBatch} */ (await response.json());
      /** @type {string[]} */
      const ids = [];
      const fragment = document.createDocumentFragment();
      for (const post of batch.posts) fragment.append(buildPost(post, false, ids));
      feed.append(fragment);
      // One timestamp for the batch: its posts enter the document in one operation.
      const now = performance.now();
      for (const id of ids) insertedAt.set(id, now);
      nextBatch = batch.next;
      loading = false;
      settleWaiters(undefined);
    } catch (error) {
      loading = false;
      settleWaiters(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (nextBatch === null) return observer.disconnect();
    // An IntersectionObserver reports changes only; observing afresh reports the sentinel's state now, so
    // a batch too short to push the sentinel out of reach loads the next one.
    observer.unobserve(sentinel);
    observer.observe(sentinel);
  };

  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void load();
    },
    { rootMargin: '300px' },
  );
  observer.observe(sentinel);

  // Microtask timing: this runs right after the script that inserted the host, i.e. when the button exists
  // for anyone looking at the page (its shadow content renders synchronously with it).
  new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeName !== HOST_NAME) continue;
        const id = node.parentElement?.closest(POST)?.getAttribute('data-post-id');
        if (id && !mountedAt.has(id)) mountedAt.set(id, now);
      }
    }
  }).observe(feed, { childList: true, subtree: true });

  /**
   * Our host element that contains `node` (across shadow boundaries), if any.
   * @param {Node | null} node
   * @returns {Element | null}
   */
  const ourHost = (node) => {
    let current = node;
    while (current) {
      if (current.nodeName === HOST_NAME) return /** @type {Element} */ (current);
      const root = current.getRootNode();
      current = current.parentNode ?? (root instanceof ShadowRoot ? root.host : null);
    }
    return null;
  };

  /** @param {DOMRectReadOnly} rect @returns {Rect} */
  const plainRect = ({ x, y, width, height }) => ({ x, y, width, height });

  new PerformanceObserver((list) => {
    for (const entry of /** @type {LayoutShiftEntry[]} */ (/** @type {unknown} */ (list.getEntries()))) {
      // Shifts right after user input are expected; CLS leaves them out, and so do we.
      if (entry.hadRecentInput) continue;
      shifts.push({
        startTime: entry.startTime,
        value: entry.value,
        sources: entry.sources.map(({ node, previousRect, currentRect }) => {
          const post =
            node instanceof Element ? node.closest(POST) : (node?.parentElement?.closest(POST) ?? null);
          return {
            node: node ? node.nodeName.toLowerCase() : '(gone)',
            postId: post?.getAttribute('data-post-id') ?? null,
            ours: ourHost(node) !== null,
            previousRect: plainRect(previousRect),
            currentRect: plainRect(currentRect),
          };
        }),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });

  /** @type {FeedBench} */
  const api = {
    done: () => nextBatch === null,
    postCount: () => insertedAt.size,
    mountedCount: () => mountedAt.size,
    nextBatch: (timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`No batch appended within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
      }),
    results: () => ({
      insertedAt: Object.fromEntries(insertedAt),
      mountedAt: Object.fromEntries(mountedAt),
      shifts,
    }),
  };
  // The closure keeps everything else off the page's globals; this one is how the benchmark reads results.
  Object.defineProperty(window, 'feedBench', { value: api });
})();
