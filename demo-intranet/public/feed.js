/**
 * Infinite scroll for the demo intranet's feed: loads the next pages from /api/posts and appends them in
 * exactly the markup the server renders (render.mjs), built from DOM nodes so post text stays text.
 */

/**
 * @typedef {{ id: string, name: string, profileUrl: string }} ApiAuthor
 * @typedef {{ id: string, author: ApiAuthor, createdAt: string, body: string, replies: ApiPost[] }} ApiPost
 * @typedef {{ posts: ApiPost[], nextPage: number | null }} ApiPage
 */

// A closure, because a classic script's top-level names would become globals of the page.
(() => {
  const feed = document.getElementById('feed');
  const sentinel = document.getElementById('feed-sentinel');
  const status = document.getElementById('feed-status');
  const button = document.getElementById('load-more');
  if (!feed || !sentinel || !status || !(button instanceof HTMLButtonElement)) return;

  // Same format as render.mjs, so server- and client-rendered dates read alike.
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

  /** @param {string} name same rule as initialsOf in render.mjs */
  const initialsOf = (name) => {
    const words = name.trim().split(/\s+/);
    return `${words[0]?.[0] ?? ''}${words.length > 1 ? (words.at(-1)?.[0] ?? '') : ''}`.toLocaleUpperCase(
      'de',
    );
  };

  /**
   * @param {ApiPost} post
   * @param {boolean} isReply
   * @returns {HTMLElement}
   */
  const buildPost = (post, isReply) => {
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
    // Same paragraph rule as paragraphsOf in render.mjs.
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
        item.append(buildPost(reply, true));
        replies.append(item);
      }
      article.append(replies);
    }
    return article;
  };

  /** @type {number | null} */
  let nextPage = 2;
  let loading = false;
  /** @type {IntersectionObserver | undefined} */
  let observer;

  const loadMore = async () => {
    if (loading || nextPage === null) return;
    loading = true;
    button.disabled = true;
    status.textContent = 'Beiträge werden geladen …';
    try {
      const response = await fetch(`/api/posts?page=${nextPage}`, {
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const page = /** @type {ApiPage} */ (await response.json());
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

  button.addEventListener('click', loadMore);
  if ('IntersectionObserver' in window) {
    observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadMore();
      },
      { rootMargin: '300px' },
    );
    observer.observe(sentinel);
  }
})();
