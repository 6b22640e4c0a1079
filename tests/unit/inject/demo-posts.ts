/** Posts in the demo intranet's markup (demo-intranet/render.mjs), built node by node for DOM tests. */

export const PAGE_URL = new URL('http://127.0.0.1:5391/');

function element(tag: string, attributes: Record<string, string>, ...children: Array<Node | string>) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The footer the host renders its own buttons into, and we ours. */
export function footer(): HTMLElement {
  return element(
    'footer',
    { class: 'post-actions' },
    element('button', { type: 'button', class: 'action-like' }, 'Gefällt mir'),
    ' ',
    element('button', { type: 'button', class: 'action-reply' }, 'Antworten'),
  );
}

export function post(id: string, { replies = [] as string[], author = 'Anna Schmidt' } = {}): HTMLElement {
  const userId = author.toLowerCase().replace(' ', '.');
  const article = element(
    'article',
    { class: 'post', id: `post-${id}`, 'data-post-id': id },
    element(
      'header',
      { class: 'post-header' },
      element('span', { class: 'avatar', 'aria-hidden': 'true' }, 'AS'),
      element('a', { class: 'post-author', href: `/people/${userId}`, 'data-user-id': userId }, author),
      element(
        'a',
        { class: 'post-permalink', href: `/posts/${id}` },
        element('time', { datetime: '2026-11-22T10:00:00.000Z' }, '22. November 2026 um 11:00'),
      ),
    ),
    element('div', { class: 'post-body' }, element('p', {}, `Beitrag ${id}`)),
    footer(),
  );
  if (replies.length > 0) {
    const list = element('ol', { class: 'replies' });
    for (const reply of replies) {
      const child = post(reply, { author: 'Jonas Weber' });
      child.className = 'post reply';
      list.append(element('li', {}, child));
    }
    article.append(list);
  }
  return article;
}

/** A fresh page: the demo's marker, the signed-in user and an empty `main#feed`. */
export function demoPage(): HTMLElement {
  document.head.replaceChildren(element('meta', { name: 'generator', content: 'Rueckenwind demo intranet' }));
  const feed = element('main', { id: 'feed', class: 'feed' });
  document.body.replaceChildren(
    element(
      'header',
      { class: 'site-header' },
      element(
        'a',
        { class: 'current-user', href: '/people/mara.keller', 'data-user-id': 'mara.keller' },
        'Mara Keller',
      ),
    ),
    element('div', { class: 'page' }, feed),
  );
  return feed;
}
