import { webUrlOf } from '../read-dom';

/** Only the path and query of a link matter here; relative links need some base to be parsed against. */
const ANY_BASE = 'http://wiki.invalid/';

/**
 * The user a user-page or user-talk link points to: what follows the namespace in the page title, up to
 * a subpage. Works for `/index.php/User:Alice`, `/wiki/Benutzer:Alice`, and red links
 * (`/index.php?title=User:Bob&action=edit&redlink=1`). Titles use `_` for spaces, user names don't.
 */
export function userNameOf(link: Element): string | undefined {
  const href = link.getAttribute('href');
  if (!href) return undefined;
  let title: string;
  try {
    const url = new URL(href, ANY_BASE);
    title = url.searchParams.get('title') ?? decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  const name = /:([^/:]+)/.exec(title)?.[1]?.replaceAll('_', ' ').trim();
  return name || undefined;
}

/** The page a user link shows: a red link points at the page's editor, the profile is the page itself. */
export function userPageUrlOf(link: Element, page: URL): string | undefined {
  const href = webUrlOf(link, page);
  if (!href) return undefined;
  const url = new URL(href);
  url.searchParams.delete('action');
  url.searchParams.delete('redlink');
  return url.href;
}
