/**
 * The demo intranet's client, written to behave like the framework-driven intranets Rückenwind meets:
 * - infinite scroll: the feed loads its next pages from /api/posts and appends them;
 * - live updates: when the reader comes back to the tab the feed asks for page 1 again, prepends new
 *   posts and replaces a thread whose replies changed with a fresh copy;
 * - in-app navigation: permalinks and links to the feed fetch JSON and swap the page's content,
 *   with history.pushState; the back button works through popstate;
 * - re-rendering: "Gefällt mir" replaces the whole post with a fresh copy (as a keyed list does),
 *   "Antworten" re-renders the post's footer with a reply form.
 * Everything is built from DOM nodes in exactly the markup the server renders (render.mjs), so post text
 * stays text and the extension meets one markup contract.
 */

/**
 * @typedef {{ id: string, name: string, profileUrl: string }} ApiAuthor
 * @typedef {{ id: string, parentId: string | null, author: ApiAuthor, createdAt: string, body: string, replies: ApiPost[] }} ApiPost
 * @typedef {{ posts: ApiPost[], nextPage: number | null }} ApiPage
 * @typedef {{ kind: 'feed' } | { kind: 'post', id: string }} Route
 */

// A closure, because a classic script's top-level names would become globals of the page.
(() => {
  const pageRoot = document.querySelector('body > div.page');
  if (!pageRoot) return;

  // Same as render.mjs.
  const SITE_NAME = 'Intranet – Musterwerk AG';
  const dateFormat = new Intl.DateTimeFormat('de-DE', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  });

  /** Posts this reader likes. Client-side only: the server's markup knows nothing of likes. */
  /** @type {Set<string>} */
  const liked = new Set();

  /**
   * @param {string} tag
   * @param {Record<string, string>} attributes
   * @param {...(Node | string)} children
   */
  const element = (tag, attributes, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };

  /** @param {string} name same rule as initialsOf in render.mjs */
  const initialsOf = (name) => {
    const words = name.trim().split(/\s+/);
    return `${words[0]?.[0] ?? ''}${words.length > 1 ? (words.at(-1)?.[0] ?? '') : ''}`.toLocaleUpperCase(
      'de',
    );
  };

  /** @param {string} url */
  const getJson = async (url) => {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  };

  /**
   * @param {string} postId
   * @param {boolean} [replying] with the reply form open
   */
  const buildFooter = (postId, replying = false) => {
    const like = element('button', { type: 'button', class: 'action-like' }, 'Gefällt mir');
    if (liked.has(postId)) like.setAttribute('aria-pressed', 'true');
    const reply = element('button', { type: 'button', class: 'action-reply' }, 'Antworten');
    const footer = element('footer', { class: 'post-actions' }, like, ' ', reply);
    if (!replying) return footer;
    reply.setAttribute('aria-expanded', 'true');
    footer.append(
      element(
        'form',
        { class: 'reply-form' },
        element(
          'label',
          {},
          'Ihre Antwort',
          element('textarea', { name: 'body', required: '', maxlength: '5000', rows: '3' }),
        ),
        element('button', { type: 'submit' }, 'Antwort senden'),
        ' ',
        element('button', { type: 'button', class: 'reply-cancel' }, 'Abbrechen'),
      ),
    );
    return footer;
  };

  /**
   * @param {ApiPost} post
   * @param {boolean} isReply
   * @returns {HTMLElement}
   */
  const buildPost = (post, isReply) => {
    const body = element('div', { class: 'post-body' });
    // Same paragraph rule as paragraphsOf in render.mjs.
    for (const paragraph of post.body.split(/\n\s*\n/)) {
      if (paragraph.trim()) body.append(element('p', {}, paragraph.trim()));
    }
    const article = element(
      'article',
      { class: isReply ? 'post reply' : 'post', id: `post-${post.id}`, 'data-post-id': post.id },
      element(
        'header',
        { class: 'post-header' },
        element('span', { class: 'avatar', 'aria-hidden': 'true' }, initialsOf(post.author.name)),
        element(
          'a',
          { class: 'post-author', href: post.author.profileUrl, 'data-user-id': post.author.id },
          post.author.name,
        ),
        element(
          'a',
          { class: 'post-permalink', href: `/posts/${post.id}` },
          element('time', { datetime: post.createdAt }, dateFormat.format(new Date(post.createdAt))),
        ),
      ),
      body,
      buildFooter(post.id),
    );
    if (post.replies.length > 0) {
      article.append(
        element(
          'ol',
          { class: 'replies' },
          ...post.replies.map((reply) => element('li', {}, buildPost(reply, true))),
        ),
      );
    }
    return article;
  };

  /**
   * Every reply id in the thread, depth first, as the page shows them.
   * @param {ApiPost} post
   * @returns {string[]}
   */
  const replyIdsOf = (post) => post.replies.flatMap((reply) => [reply.id, ...replyIdsOf(reply)]);

  /**
   * Infinite scroll and live updates for a feed in the page (server-rendered or built here).
   * @param {{ feed: Element, sentinel: Element, status: Element, button: HTMLButtonElement }} view
   * @returns {() => void} stops it, when the reader navigates away
   */
  const startFeed = ({ feed, sentinel, status, button }) => {
    /** @type {number | null} */
    let nextPage = 2;
    let loading = false;
    const stopped = new AbortController();
    /** @type {IntersectionObserver | undefined} */
    let observer;

    const loadMore = async () => {
      if (loading || nextPage === null) return;
      loading = true;
      button.disabled = true;
      status.textContent = 'Beiträge werden geladen …';
      try {
        const page = /** @type {ApiPage} */ (await getJson(`/api/posts?page=${nextPage}`));
        for (const post of page.posts) {
          // A post published since page 1 shifts the pages by one; skip what is already shown.
          if (!document.getElementById(`post-${post.id}`)) feed.append(buildPost(post, false));
        }
        nextPage = page.nextPage;
        status.textContent = nextPage === null ? 'Keine weiteren Beiträge' : '';
      } catch {
        status.textContent = 'Beiträge konnten nicht geladen werden. Bitte erneut versuchen.';
      } finally {
        loading = false;
        button.disabled = false;
      }
      if (nextPage === null) {
        button.hidden = true;
        observer?.disconnect();
      }
    };

    /** New posts on top; a shown thread whose replies changed is re-rendered as a fresh copy. */
    const liveUpdate = async () => {
      let page;
      try {
        page = /** @type {ApiPage} */ (await getJson('/api/posts?page=1'));
      } catch {
        return; // The next update will try again.
      }
      if (stopped.signal.aborted) return;
      for (const post of [...page.posts].reverse()) {
        const shown = document.getElementById(`post-${post.id}`);
        if (!shown) feed.prepend(buildPost(post, false));
        else {
          const shownReplies = Array.from(shown.querySelectorAll('article.reply'), (reply) => reply.id);
          const replies = replyIdsOf(post).map((id) => `post-${id}`);
          if (shownReplies.join() !== replies.join()) shown.replaceWith(buildPost(post, false));
        }
      }
    };

    button.addEventListener('click', loadMore, { signal: stopped.signal });
    if ('IntersectionObserver' in window) {
      observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) loadMore();
        },
        { rootMargin: '300px' },
      );
      observer.observe(sentinel);
    }
    // No timer: refetching when the tab comes back is what the intranets we meet do, and enough here.
    document.addEventListener(
      'visibilitychange',
      () => {
        if (document.visibilityState === 'visible') liveUpdate();
      },
      { signal: stopped.signal },
    );
    return () => {
      stopped.abort();
      observer?.disconnect();
    };
  };

  /** @type {() => void} */
  let leaveView = () => {};

  /**
   * The same content render.mjs puts in div.page for that route, whitespace between blocks included.
   * @param {...Node} blocks
   */
  const showPage = (...blocks) => {
    pageRoot.replaceChildren('\n', ...blocks.flatMap((block) => [block, '\n']));
  };

  /** @param {ApiPage} page */
  const showFeed = (page) => {
    const feed = element(
      'main',
      { id: 'feed', class: 'feed' },
      ...page.posts.map((post) => buildPost(post, false)),
    );
    const sentinel = element('div', { id: 'feed-sentinel' });
    const status = element('p', { id: 'feed-status', class: 'feed-status', role: 'status' });
    const button = element('button', { type: 'button', id: 'load-more' }, 'Weitere Beiträge laden');
    showPage(element('h1', {}, 'Neuigkeiten'), feed, sentinel, status, button);
    document.title = `Neuigkeiten – ${SITE_NAME}`;
    leaveView = startFeed({ feed, sentinel, status, button: /** @type {HTMLButtonElement} */ (button) });
  };

  /** @param {ApiPost} post */
  const showPost = (post) => {
    showPage(
      element('p', { class: 'back' }, element('a', { href: '/' }, '← Alle Neuigkeiten')),
      element('main', { id: 'feed', class: 'feed single' }, buildPost(post, false)),
    );
    document.title = `Beitrag – ${SITE_NAME}`;
  };

  /** @param {URL} url @returns {Route | undefined} the routes this client renders itself */
  const routeOf = (url) => {
    if (url.origin !== location.origin) return undefined;
    if (url.pathname === '/') return { kind: 'feed' };
    const id = /^\/posts\/(\d+)$/.exec(url.pathname)?.[1];
    return id === undefined ? undefined : { kind: 'post', id };
  };

  /**
   * Renders `url` in place; anything that fails falls back to an ordinary page load.
   * @param {URL} url
   * @param {Route} route
   */
  const render = async (url, route) => {
    try {
      const data = await getJson(route.kind === 'feed' ? '/api/posts?page=1' : `/api/posts/${route.id}`);
      // A later navigation won the race.
      if (location.href !== url.href) return;
      // A reply's address belongs to its thread, where the server redirects it.
      if (route.kind === 'post' && data.parentId !== null) return location.replace(url);
      leaveView();
      leaveView = () => {};
      if (route.kind === 'feed') showFeed(data);
      else showPost(data);
      const target = url.hash && document.getElementById(decodeURIComponent(url.hash.slice(1)));
      if (target) target.scrollIntoView();
      else window.scrollTo(0, 0);
    } catch {
      location.reload();
    }
  };

  /** @param {URL} url */
  const navigate = (url) => {
    const route = routeOf(url);
    if (!route) return false;
    history.pushState(null, '', url);
    render(url, route);
    return true;
  };

  /** @param {HTMLElement} article */
  const toggleLike = async (article) => {
    const id = article.getAttribute('data-post-id') ?? '';
    const isLiked = liked.has(id);
    if (isLiked) liked.delete(id);
    else liked.add(id);
    try {
      const post = /** @type {ApiPost} */ (await getJson(`/api/posts/${id}`));
      if (article.isConnected) article.replaceWith(buildPost(post, article.classList.contains('reply')));
    } catch {
      if (isLiked) liked.add(id);
      else liked.delete(id);
    }
  };

  /**
   * @param {HTMLFormElement} form
   * @param {HTMLElement} article
   */
  const sendReply = async (form, article) => {
    const body = new FormData(form).get('body');
    const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
    const submit = form.querySelector('button[type="submit"]');
    if (submit instanceof HTMLButtonElement) submit.disabled = true;
    try {
      const response = await fetch(`/api/posts/${article.getAttribute('data-post-id')}/replies`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify({ body }),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      // The whole thread comes back as a fresh copy, the new reply in it.
      const thread = article.closest('main > article') ?? article;
      const post = /** @type {ApiPost} */ (
        await getJson(`/api/posts/${thread.getAttribute('data-post-id')}`)
      );
      if (thread.isConnected) thread.replaceWith(buildPost(post, false));
    } catch {
      if (submit instanceof HTMLButtonElement) submit.disabled = false;
    }
  };

  document.addEventListener('click', (event) => {
    if (!(event.target instanceof Element)) return;
    const article = event.target.closest('article.post[data-post-id]');
    const footer = event.target.closest('footer.post-actions');
    const id = article?.getAttribute('data-post-id') ?? '';
    if (article instanceof HTMLElement && footer?.parentElement === article) {
      if (event.target.closest('button.action-like')) return void toggleLike(article);
      if (event.target.closest('button.action-reply')) {
        const open = footer.querySelector('form.reply-form') !== null;
        footer.replaceWith(buildFooter(id, !open));
        return void article.querySelector(':scope > footer')?.querySelector('textarea')?.focus();
      }
      if (event.target.closest('button.reply-cancel')) return void footer.replaceWith(buildFooter(id));
    }
    const link = event.target.closest('a[href]');
    if (
      !(link instanceof HTMLAnchorElement) ||
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    const url = new URL(link.href);
    // A reply's permalink shows its whole thread, scrolled to the reply (as the server redirects).
    const thread = link.classList.contains('post-permalink') ? link.closest('main > article') : null;
    if (thread && article && thread !== article) {
      url.pathname = `/posts/${thread.getAttribute('data-post-id')}`;
      url.hash = `post-${id}`;
    }
    if (navigate(url)) event.preventDefault();
  });

  document.addEventListener('submit', (event) => {
    const form = event.target;
    const article = form instanceof HTMLFormElement ? form.closest('article.post[data-post-id]') : null;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains('reply-form') || !article) return;
    event.preventDefault();
    sendReply(form, /** @type {HTMLElement} */ (article));
  });

  window.addEventListener('popstate', () => {
    const url = new URL(location.href);
    const route = routeOf(url);
    if (route) render(url, route);
    else location.reload();
  });

  // The server rendered the first page; only the feed needs its behaviour attached.
  const feed = document.getElementById('feed');
  const sentinel = document.getElementById('feed-sentinel');
  const status = document.getElementById('feed-status');
  const button = document.getElementById('load-more');
  if (feed && sentinel && status && button instanceof HTMLButtonElement) {
    leaveView = startFeed({ feed, sentinel, status, button });
  }
})();
