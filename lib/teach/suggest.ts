import { textOf } from '../hosts/read-dom';
import { featuresOf, signatureOf } from './features';

/** Words hosts use for the things people write. */
const POSTISH =
  /post|entry|comment|message|activity|stream|thread|reply|item|card|article|story|update|status/i;

function looksLikePost(el: Element): boolean {
  const role = el.getAttribute('role');
  return (
    el.localName === 'article' ||
    role === 'article' ||
    featuresOf(el).some((feature) => POSTISH.test(feature))
  );
}

/**
 * The post around a clicked element: among its ancestors built like several others on the page (a
 * feed repeats its posts), the one that looks like a post and whose kind repeats as often as most of
 * the others; among equals the outermost, which holds the whole post rather than a part of it.
 */
export function suggestPost(target: Element): Element {
  const doc = target.ownerDocument;
  const counts = new Map<string, number>();
  const repeating: Array<{ el: Element; count: number }> = [];
  for (let el: Element | null = target; el && el !== doc.body && el !== doc.documentElement; ) {
    const signature = signatureOf(el);
    const count = counts.get(signature) ?? doc.querySelectorAll(signature).length;
    counts.set(signature, count);
    if (count >= 2 && textOf(el) !== '') repeating.push({ el, count });
    el = el.parentElement;
  }
  const frequency = (count: number) => repeating.filter((entry) => entry.count === count).length;
  let best: { el: Element; score: number } | undefined;
  for (const { el, count } of repeating) {
    const score = (looksLikePost(el) ? 10 : 0) + frequency(count);
    if (!best || score >= best.score) best = { el, score };
  }
  return best?.el ?? target;
}

/**
 * A name is usually a link to the person's profile: a click on its text means the link, which gives
 * the profile too. Not when the link holds more than the name (a menu with the job title under it).
 */
export function snapToLink(target: Element): Element {
  const link = target.closest('a[href]');
  return link && textOf(link) === textOf(target) ? link : target;
}

/**
 * The post that holds the picked name: the picked post itself, or, when the name lies outside the
 * part picked, the smallest element holding both. Undefined when that element takes in other posts
 * built like the picked one (the name belongs to another post) or is the whole page.
 */
export function growToHold(post: Element, name: Element): Element | undefined {
  if (post.contains(name)) return post;
  const doc = post.ownerDocument;
  let grown: Element | null = post;
  while (grown && !grown.contains(name)) grown = grown.parentElement;
  if (!grown || grown === doc.body || grown === doc.documentElement) return undefined;
  return grown.querySelectorAll(signatureOf(post)).length > 1 ? undefined : grown;
}
