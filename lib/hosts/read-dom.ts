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

/**
 * `root.querySelector(selector)` for selectors of the form `:scope > a > b`, walking the children
 * instead: browsers evaluate `:scope >` selectors slowly, and adapters read several per post. Any other
 * selector goes to `querySelector` as it is.
 */
export function queryScoped(root: Element, selector: string): Element | null {
  const steps = childSteps(selector);
  if (!steps) return root.querySelector(selector);
  let current: Element = root;
  for (const step of steps) {
    let child = current.firstElementChild;
    while (child && !child.matches(step)) child = child.nextElementSibling;
    if (!child) return null;
    current = child;
  }
  return current;
}

/** Adapters ask the same few selectors of every post: each is taken apart once per page. */
const stepsOf = new Map<string, string[] | null>();

/** The steps of a plain `:scope > a > b` chain, or null for a selector the browser must evaluate. */
function childSteps(selector: string): string[] | null {
  let steps = stepsOf.get(selector);
  if (steps !== undefined) return steps;
  // Only plain child chains: anything with descendants, lists, siblings, attributes or pseudo-classes
  // (where a `>` could hide inside quotes or parentheses) goes to the browser.
  const chain = selector.replace(/\s*>\s*/g, '>');
  steps =
    !chain.startsWith(':scope>') || /[\s,~+[("':]/.test(chain.slice(':scope>'.length))
      ? null
      : selector
          .slice(':scope'.length)
          .split('>')
          .map((step) => step.trim())
          .filter(Boolean);
  stepsOf.set(selector, steps);
  return steps;
}
