import { WebUrlSchema } from '../db/schemas';

/** At most `max` UTF-16 units of `text`, never ending in half an emoji (it would be sent as U+FFFD). */
export function clip(text: string, max: number): string {
  return text.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
}

/** Collapsed, trimmed text: host markup is read as text only, never as HTML. */
export function textOf(el: Element | null | undefined, max = 200): string {
  return clip((el?.textContent ?? '').replace(/\s+/g, ' ').trim(), max);
}

/** An absolute http(s) URL for a link, or undefined for `javascript:` and other schemes. */
export function webUrlOf(link: Element | null | undefined, page: URL): string | undefined {
  const href = link?.getAttribute('href');
  if (!href) return undefined;
  try {
    const url = new URL(href, page).href;
    return WebUrlSchema.safeParse(url).success ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A deep copy of `el` to cut parts out of before reading its text. It lives in a document without a
 * browsing context: a copy made in the page's own document would fetch its images again and run their
 * `onerror` handlers where the page's policy lets them.
 */
export function inertCopy(el: Element): Element {
  return el.ownerDocument.implementation.createHTMLDocument('').importNode(el, true);
}

/** `root` itself when it matches, then its matching descendants. */
export function selfAndDescendants(root: ParentNode, selector: string): Element[] {
  const found = Array.from(root.querySelectorAll(selector));
  return root instanceof Element && root.matches(selector) ? [root, ...found] : found;
}
