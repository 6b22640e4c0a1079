/**
 * From one post and its author's name, picked by the user, to selectors that find every post of the
 * site: pure DOM reading, no side effects, so each step is tested on captured markup.
 */
import { TAUGHT_SELECTOR_MAX, type TaughtSelectors } from '../db/schemas';
import { textOf } from '../hosts/read-dom';
import { featuresOf, simpleSelectors, stableId, tagOf } from './features';
import { findActions, findBody, findPermalink, findPostIdAttribute } from './parts';
import { bestRelative, first, strictPath } from './relative';

/** Candidates that match more than this are not "posts" but "every div". */
const MAX_MATCHES = 5000;
/** Anchoring attributes count for more than classes: they are functional hooks, restyling keeps them. */
const HOOK = /\[(data-|role|itemprop|itemtype|id\^)/;

function all(doc: Document, css: string): Element[] {
  try {
    return Array.from(doc.querySelectorAll(css));
  } catch {
    return [];
  }
}

function matches(el: Element, css: string): boolean {
  try {
    return el.matches(css);
  } catch {
    return false;
  }
}

/**
 * The post's own simple selectors; each of them as a child of its container's (`ul.comments > li`); and
 * the single ones inside the nearest ancestors that have a stable id or class (`#comments li`), which
 * tells a list of comments from a list of documents built with the same markup.
 */
export function postCandidates(post: Element): string[] {
  const own = simpleSelectors(post);
  const singles = own.slice(0, 1 + featuresOf(post).length);
  const out = [...own];
  const doc = post.ownerDocument;
  const parent = post.parentElement;
  const top = (el: Element | null): el is Element => !!el && el !== doc.body && el !== doc.documentElement;
  if (top(parent)) {
    const holders = [stableId(parent), ...simpleSelectors(parent, 4).slice(0, 5)];
    for (const holder of holders) if (holder) for (const simple of singles) out.push(`${holder} > ${simple}`);
    let levels = 0;
    for (let up = parent.parentElement; top(up) && levels < 6; up = up.parentElement, levels++) {
      const anchor = stableId(up) ?? simpleSelectors(up, 3)[1];
      if (anchor) for (const simple of singles) out.push(`${anchor} ${simple}`);
    }
  }
  return [...new Set(out)].filter((css) => css.length <= TAUGHT_SELECTOR_MAX);
}

type Ranked = { css: string; hits: number; precision: number; hook: boolean };

const better = (a: Ranked, b: Ranked | undefined) =>
  !b ||
  a.hits > b.hits ||
  (a.hits === b.hits &&
    (a.precision > b.precision ||
      (a.precision === b.precision &&
        (Number(a.hook) > Number(b.hook) || (a.hook === b.hook && a.css.length < b.css.length)))));

/**
 * Generalises the picked post to the selector that finds the most elements built like it: each match
 * must hold the author at the same place (by tag and stable classes), and the picked author must belong
 * to the picked post, not to an element in between. Ties go to the more precise, then the shorter one.
 */
export function derivePostSelector(post: Element, author: Element): string | undefined {
  const doc = post.ownerDocument;
  const fingerprint = strictPath(post, author);
  let best: Ranked | undefined;
  for (const css of postCandidates(post)) {
    if (!matches(post, css) || author.closest(css) !== post) continue;
    const found = all(doc, css);
    if (found.length > MAX_MATCHES) continue;
    const hits = found.filter((match) => first(match, fingerprint)?.closest(css) === match).length;
    const ranked = { css, hits, precision: hits / found.length, hook: HOOK.test(css) };
    if (better(ranked, best)) best = ranked;
  }
  return best?.css;
}

/**
 * All the selectors the generic adapter needs, or undefined when the picked post cannot be told apart
 * from the rest of the page. Optional parts (permalink, text, action bar) are kept only when they are
 * found in at least half of the posts; the author is required.
 */
export function deriveSelectors(post: Element, author: Element): TaughtSelectors | undefined {
  if (!post.contains(author) || post === author || !textOf(author)) return undefined;
  const postSelector = derivePostSelector(post, author);
  if (!postSelector) return undefined;
  // Twins hold the author where the picked post does; the other matches are judged by what they lack.
  const fingerprint = strictPath(post, author);
  const matched = all(post.ownerDocument, postSelector);
  const isTwin = (match: Element) => first(match, fingerprint)?.closest(postSelector) === match;
  const posts = {
    twins: matched.filter(isTwin),
    others: matched.filter((match) => !isTwin(match)),
    selector: postSelector,
  };
  const half = Math.max(1, Math.ceil(posts.twins.length / 2));
  const part = (el: Element | undefined, accept: (found: Element) => boolean) => {
    const scored = el && bestRelative(post, el, posts, accept);
    return scored && scored.hits >= half ? scored.css : undefined;
  };

  const authorSelector = part(author, (found) => textOf(found) !== '');
  if (!authorSelector) return undefined;
  const permalinkEl = findPermalink(post, postSelector, author);
  const actionsEl = findActions(post, postSelector, author);
  const bodyEl = findBody(post, postSelector, author, [permalinkEl, actionsEl]);
  const permalink = part(permalinkEl, (found) => found.hasAttribute('href'));
  const actions = part(actionsEl, () => true);
  const body = part(bodyEl, (found) => textOf(found) !== '');
  const postIdAttribute = findPostIdAttribute(post, matched);
  return {
    post: postSelector,
    author: authorSelector,
    ...(permalink && { permalink }),
    ...(body && { body }),
    ...(actions && { actions }),
    ...(postIdAttribute && { postIdAttribute }),
  };
}

/**
 * A selector for the user's own name somewhere on the page (the header, a menu), outside every post:
 * by id, by its own features, or under its container's. Undefined when nothing finds exactly it.
 */
export function deriveCurrentUser(el: Element, postSelector: string): string | undefined {
  const doc = el.ownerDocument;
  if (!textOf(el) || matches(el, postSelector) || el.closest(postSelector)) return undefined;
  const own = [stableId(el), ...simpleSelectors(el).slice(1)].filter((css): css is string => !!css);
  const candidates = [...own];
  for (let up = el.parentElement; up && up !== doc.body; up = up.parentElement) {
    const anchor = stableId(up) ?? simpleSelectors(up, 3).slice(1, 2)[0];
    if (anchor) candidates.push(...[...own, tagOf(el)].map((css) => `${anchor} ${css}`));
  }
  return candidates.find((css) => css.length <= TAUGHT_SELECTOR_MAX && first(doc, css) === el);
}
