import { textOf } from '../hosts/read-dom';
import { featuresOf, simpleSelectors } from './features';

/** Elements of `post` that belong to it rather than to a post nested in it (a reply). */
export function ownElements(post: Element, postSelector: string): Element[] {
  return Array.from(post.querySelectorAll('*')).filter((el) => el.closest(postSelector) === post);
}

const related = (a: Element, b: Element | undefined) => b !== undefined && (a.contains(b) || b.contains(a));

/** Digit runs of the post's ids (`post-4711` → `4711`): a permalink usually carries one. */
function idNumbers(post: Element): string[] {
  return Array.from(post.attributes)
    .filter(({ name }) => name === 'id' || name.startsWith('data-'))
    .flatMap(({ value }) => value.match(/\d{2,}/g) ?? []);
}

/**
 * The link to the post itself: marked `rel="bookmark"`, around its timestamp, or carrying its id.
 * Undefined when no link is clearly that (a profile link or a link in the text is not).
 */
export function findPermalink(post: Element, postSelector: string, author: Element): Element | undefined {
  const numbers = idNumbers(post);
  let best: Element | undefined;
  let bestScore = 0;
  for (const link of ownElements(post, postSelector)) {
    if (!link.matches('a[href]') || related(link, author)) continue;
    const href = link.getAttribute('href') ?? '';
    let score = 0;
    if (/\bbookmark\b/.test(link.getAttribute('rel') ?? '')) score += 5;
    if (link.querySelector('time') || link.closest('time')) score += 4;
    if (numbers.some((n) => href.includes(n))) score += 4;
    // Ties keep the first: the post's own link comes before those of its replies.
    if (score > bestScore) {
      best = link;
      bestScore = score;
    }
  }
  return bestScore >= 4 ? best : undefined;
}

const CONTROL = 'button, [role="button"], a[href]';
const ACTIONS_NAME = /action|toolbar|footer|controls|buttons|reactions|social|tools|interactions|links/i;

/** The author's most specific simple selector: an element holding one belongs to someone else's post. */
function authorLike(author: Element): string {
  return simpleSelectors(author).at(-1) ?? author.localName;
}

/**
 * The post's action bar (Like, Reply, Share), where our buttons belong: the element holding several
 * short controls and little else, and no other person's name (a reply's bar is not the post's).
 * Undefined when there is none; the buttons then follow the author.
 */
export function findActions(post: Element, postSelector: string, author: Element): Element | undefined {
  const someone = authorLike(author);
  const controls = ownElements(post, postSelector).filter(
    (el) => el.matches(CONTROL) && !related(el, author) && textOf(el).length <= 24,
  );
  let best: Element | undefined;
  let bestScore = 0;
  const seen = new Set<Element>();
  for (const control of controls) {
    for (let el = control.parentElement; el && el !== post; el = el.parentElement) {
      if (seen.has(el)) continue;
      seen.add(el);
      if (el.contains(author)) break;
      if (el.querySelector(someone)) continue;
      const inside = controls.filter((c) => el.contains(c)).length;
      // Mostly controls: a paragraph with two links in it is text, not an action bar.
      if (inside < 2 || textOf(el, 10_000).length > 24 * inside + 40) continue;
      const named = el.localName === 'footer' || el.getAttribute('role') === 'toolbar';
      const score = inside + (named || featuresOf(el).some((f) => ACTIONS_NAME.test(f)) ? 3 : 0);
      // Ties go to the deeper element: the bar itself rather than a wrapper around it.
      if (score > bestScore || (score === bestScore && best?.contains(el))) {
        best = el;
        bestScore = score;
      }
    }
  }
  return best;
}

/** The post's text: its element with the most text that holds none of the other parts and no reply. */
export function findBody(
  post: Element,
  postSelector: string,
  author: Element,
  exclude: ReadonlyArray<Element | undefined>,
): Element | undefined {
  const someone = authorLike(author);
  let best: Element | undefined;
  let bestLength = 0;
  for (const el of ownElements(post, postSelector)) {
    if ([author, ...exclude].some((part) => part !== undefined && related(el, part))) continue;
    if (el.querySelector(postSelector) || el.querySelector(someone)) continue;
    const length = textOf(el, 10_000).length;
    // Document order puts a container before its children: ties keep the container.
    if (length > bestLength) {
      best = el;
      bestLength = length;
    }
  }
  return best;
}

/**
 * An attribute that names each post uniquely (`id`, `data-content-key`): a stable post id for the
 * thank-you records. Names that say "id" or "key" win over others.
 */
export function findPostIdAttribute(post: Element, posts: readonly Element[]): string | undefined {
  const names = Array.from(post.attributes)
    .map(({ name }) => name)
    .filter((name) => (name === 'id' || name.startsWith('data-')) && /^[a-z][a-z_-]{0,60}$/.test(name));
  const unique = names.filter((name) => {
    const values = posts
      .map((p) => p.getAttribute(name) ?? '')
      .filter((v) => v.length > 0 && v.length <= 200);
    return values.length === posts.length && new Set(values).size === values.length;
  });
  const sayId = (name: string) => /(^|-)(id|key|uuid|guid)$/.test(name);
  return unique.find(sayId) ?? unique[0];
}
