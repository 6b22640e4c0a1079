/**
 * HTML pages of the demo intranet. Every interpolated value goes through `html`, which escapes it unless it
 * is itself the output of `html`, so a piece of text cannot become markup by accident.
 */

import { profileUrlOf } from './store.mjs';

/**
 * @typedef {import('./store.mjs').Store} Store
 * @typedef {import('./store.mjs').PostRecord} PostRecord
 * @typedef {import('./seed.mjs').Person} Person
 * @typedef {string | number | Html | HtmlValue[]} HtmlValue
 */

const SITE_NAME = 'Intranet – Musterwerk AG';

/** Markup produced by `html`; the only thing `html` inserts unescaped. */
class Html {
  #markup;
  /** @param {string} markup */
  constructor(markup) {
    this.#markup = markup;
  }
  toString() {
    return this.#markup;
  }
}

/** @type {Record<string, string>} */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** @param {string} text */
export const escapeHtml = (text) => text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);

/** @param {HtmlValue} value @returns {string} */
const renderValue = (value) => {
  if (value instanceof Html) return value.toString();
  if (Array.isArray(value)) return value.map(renderValue).join('');
  return escapeHtml(String(value));
};

/**
 * @param {TemplateStringsArray} strings
 * @param {HtmlValue[]} values
 */
export function html(strings, ...values) {
  return new Html(
    strings.reduce((out, string, index) => out + renderValue(values[index - 1] ?? '') + string),
  );
}

// Europe/Berlin, not the machine's zone: the page must read the same on every machine, and feed.js formats alike.
const dateFormat = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});

/** @param {string} name "Fatma Yılmaz" → "FY" (same rule as feed.js) */
export const initialsOf = (name) => {
  const words = name.trim().split(/\s+/);
  return `${words[0]?.[0] ?? ''}${words.length > 1 ? (words.at(-1)?.[0] ?? '') : ''}`.toLocaleUpperCase('de');
};

/** @param {string} body paragraphs are separated by blank lines (same rule as feed.js) */
export const paragraphsOf = (body) =>
  body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

/**
 * Kept on one line without whitespace between tags (except between the buttons) so that the DOM equals the
 * one feed.js builds for later pages.
 * @param {Store} store
 * @param {PostRecord} post
 * @returns {Html}
 */
function renderPost(store, post) {
  const name = store.users.get(post.authorId)?.name ?? post.authorId;
  const replies = post.replyIds.flatMap((id) => store.getPost(id) ?? []);
  return html`<article class="${post.parentId === null ? 'post' : 'post reply'}" id="post-${post.id}" data-post-id="${post.id}"><header class="post-header"><span class="avatar" aria-hidden="true">${initialsOf(name)}</span><a class="post-author" href="${profileUrlOf(post.authorId)}" data-user-id="${post.authorId}">${name}</a><a class="post-permalink" href="/posts/${post.id}"><time datetime="${post.createdAt}">${dateFormat.format(new Date(post.createdAt))}</time></a></header><div class="post-body">${paragraphsOf(post.body).map((paragraph) => html`<p>${paragraph}</p>`)}</div><footer class="post-actions"><button type="button" class="action-like">Gefällt mir</button> <button type="button" class="action-reply">Antworten</button></footer>${
    replies.length > 0
      ? html`<ol class="replies">${replies.map((reply) => html`<li>${renderPost(store, reply)}</li>`)}</ol>`
      : ''
  }</article>`;
}

/**
 * @param {{ title: string, csrfToken: string, me: Person | undefined, content: Html, scripts?: string[] }} page
 */
function layout({ title, csrfToken, me, content, scripts = [] }) {
  return html`<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Rueckenwind demo intranet">
<meta name="csrf-token" content="${csrfToken}">
<title>${title} – ${SITE_NAME}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/intranet.css">
${scripts.map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
<header class="site-header">
<a class="site-name" href="/">${SITE_NAME}</a>
<nav class="site-nav" aria-label="Hauptnavigation"><a href="/">Neuigkeiten</a> <a href="/about">Über das Intranet</a></nav>
${me ? html`<a class="current-user" href="${profileUrlOf(me.id)}" data-user-id="${me.id}">${me.name}</a>` : ''}
</header>
<div class="page">
${content}
</div>
<footer class="site-footer">Musterwerk AG · Demo-Intranet für Rückenwind · Alle Personen sind erfunden.</footer>
</body>
</html>
`.toString();
}

/** @typedef {{ csrfToken: string, me: Person | undefined }} PageContext */

/** @param {Store} store @param {PageContext} context */
export function renderFeedPage(store, context) {
  const { posts } = store.listPage(1);
  return layout({
    ...context,
    title: 'Neuigkeiten',
    scripts: ['/assets/feed.js'],
    content: html`<h1>Neuigkeiten</h1>
<main id="feed" class="feed">${posts.map((post) => renderPost(store, post))}</main>
<div id="feed-sentinel"></div>
<p id="feed-status" class="feed-status" role="status"></p>
<button type="button" id="load-more">Weitere Beiträge laden</button>`,
  });
}

/** @param {Store} store @param {PostRecord} post @param {PageContext} context */
export function renderPostPage(store, post, context) {
  return layout({
    ...context,
    title: 'Beitrag',
    // The same client as the feed: it navigates back to the feed in place and re-renders posts.
    scripts: ['/assets/feed.js'],
    content: html`<p class="back"><a href="/">← Alle Neuigkeiten</a></p>
<main id="feed" class="feed single">${renderPost(store, post)}</main>`,
  });
}

/** @param {Person} person @param {PageContext} context */
export function renderProfilePage(person, context) {
  return layout({
    ...context,
    title: person.name,
    content: html`<main id="content" class="profile">
<span class="avatar avatar-large" aria-hidden="true">${initialsOf(person.name)}</span>
<h1 class="profile-name">${person.name}</h1>
<dl class="profile-facts"><dt>Funktion</dt><dd class="profile-role">${person.role}</dd><dt>Bereich</dt><dd class="profile-department">${person.department}</dd></dl>
</main>`,
  });
}

/** @param {PageContext} context */
export function renderAboutPage(context) {
  return layout({
    ...context,
    title: 'Über das Intranet',
    content: html`<main id="content" class="about">
<h1>Über das Intranet</h1>
<p>Dieses Intranet ist eine Attrappe: Es läuft nur auf diesem Rechner und vergisst beim Neustart alles. Es zeigt, wie Rückenwind „Danke“ und Working Out Loud in ein bestehendes Intranet bringt.</p>
<p>Alle Personen und Beiträge sind erfunden. Angemeldet sind Sie immer als Mara Keller.</p>
</main>`,
  });
}

/** @param {string} message @param {PageContext} context */
export function renderNotFoundPage(message, context) {
  return layout({
    ...context,
    title: 'Nicht gefunden',
    content: html`<main id="content" class="not-found">
<h1>Nicht gefunden</h1>
<p>${message}</p>
<p><a href="/">Zurück zu den Neuigkeiten</a></p>
</main>`,
  });
}
