import { WebUrlSchema } from '../db/schemas';

/** Collapsed, trimmed text: host markup is read as text only, never as HTML. */
export function textOf(el: Element | null | undefined, max = 200): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
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

/** `root` itself when it matches, then its matching descendants. */
export function selfAndDescendants(root: ParentNode, selector: string): Element[] {
  const found = Array.from(root.querySelectorAll(selector));
  return root instanceof Element && root.matches(selector) ? [root, ...found] : found;
}
