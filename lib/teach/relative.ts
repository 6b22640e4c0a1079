import { TAUGHT_SELECTOR_MAX } from '../db/schemas';
import { signatureOf, simpleSelectors } from './features';

/** The elements from just below `post` down to `target`, outermost first. */
export function pathBelow(post: Element, target: Element): Element[] {
  const chain: Element[] = [];
  for (let el: Element | null = target; el && el !== post; el = el.parentElement) chain.unshift(el);
  return chain;
}

/** `:scope > header > a.author`: every step from the post down to the element, by tag and stable classes. */
export function strictPath(post: Element, target: Element): string {
  return [':scope', ...pathBelow(post, target).map(signatureOf)].join(' > ');
}

/**
 * Selectors, relative to `post`, for an element inside it, most robust first: by the element's own
 * features anywhere in the post, then under its parent's features (`h4.media-heading > a`), then
 * anchored at the post's child that holds it, then the exact path, and last by its bare tag.
 */
export function relativeCandidates(post: Element, target: Element): string[] {
  const [tag = target.localName, ...featured] = simpleSelectors(target, 6);
  const chain = pathBelow(post, target);
  const out = featured.map((simple) => `:scope ${simple}`);
  const parent = chain.at(-2);
  if (parent) {
    for (const holder of simpleSelectors(parent, 3).slice(1, 4))
      out.push(...[...featured, tag].map((simple) => `:scope ${holder} > ${simple}`));
  }
  const top = chain[0];
  if (top && top !== target) {
    const holder = signatureOf(top);
    out.push(...featured.map((simple) => `:scope > ${holder} ${simple}`), `:scope > ${holder} ${tag}`);
  }
  out.push(strictPath(post, target), `:scope ${tag}`);
  return [...new Set(out)].filter((css) => css.length <= TAUGHT_SELECTOR_MAX);
}

/** `querySelector` that treats a selector this engine cannot parse as matching nothing. */
export function first(root: ParentNode, css: string): Element | null {
  try {
    return root.querySelector(css);
  } catch {
    return null;
  }
}

/**
 * In how many of `posts` the relative selector finds an acceptable element of that very post (not of a
 * reply nested in it).
 */
function hitsOf(
  css: string,
  posts: readonly Element[],
  postSelector: string,
  accept: (found: Element) => boolean,
): number {
  let hits = 0;
  for (const post of posts) {
    const found = first(post, css);
    if (found && found.closest(postSelector) === post && accept(found)) hits += 1;
  }
  return hits;
}

export type Scored = { css: string; hits: number };

/**
 * The relative selector that finds `target` in the picked post and its counterparts in the posts built
 * like it (`twins`), minus what it finds in the other matches of the post selector (a document list
 * that happens to share the list markup); among equals the most robust, the earliest candidate.
 * `hits` counts the twins only.
 */
export function bestRelative(
  post: Element,
  target: Element,
  posts: { twins: readonly Element[]; others: readonly Element[]; selector: string },
  accept: (found: Element) => boolean,
): Scored | undefined {
  let best: (Scored & { score: number }) | undefined;
  for (const css of relativeCandidates(post, target)) {
    if (first(post, css) !== target) continue;
    const hits = hitsOf(css, posts.twins, posts.selector, accept);
    const score = hits - hitsOf(css, posts.others, posts.selector, accept);
    if (!best || score > best.score) best = { css, hits, score };
  }
  return best && { css: best.css, hits: best.hits };
}
