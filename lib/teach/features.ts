/**
 * What of an element is stable enough to find it again after the host ships a new build: its tag,
 * hand-written classes, marker attributes. Build tools generate class names (`css-1x2y3z`, `sc-bdVaJa`,
 * `Post_title__aB3dE`) and ids carry database keys (`post-1234`); those change between releases or
 * posts, so they never go into a taught selector. Everything returned here is safe to join into a
 * selector without escaping: anything that would need escaping is left out.
 */

const PLAIN_CLASS = /^-?[A-Za-z_][A-Za-z_-]*$/;
const PLAIN_NAME = /^[a-z][a-z_-]*$/;
const PLAIN_VALUE = /^[A-Za-z_][A-Za-z _.:/-]{0,60}$/;
/** Prefixes of class names that frameworks generate or toggle at run time. */
const GENERATED_PREFIX = /^(css|sc|jsx|svelte|astro|emotion|ng|tw)-/;
/** Classes that describe a moment (hovered, unread), not the kind of element. */
const STATE_CLASS =
  /^(is|has)-|^(active|selected|hover|hovered|focus|focused|open|opened|collapsed|expanded|hidden|visible|unread|new|highlighted|current|loading|loaded)$/;
/** Attributes frameworks add to every element: they mark nothing. */
const NOISE_ATTRIBUTE = /^data-(v-|react|reactid|ng|styled|emotion)|^data-[a-z]*(hash|nonce)/;
/** Attribute names whose value names the kind of element rather than one element. */
const KIND_ATTRIBUTES = new Set([
  'role',
  'itemprop',
  'itemtype',
  'rel',
  'data-type',
  'data-testid',
  'data-qa',
]);

/** Whether a class name looks written by a person (and names a kind of element, not a state). */
export function isStableClass(name: string): boolean {
  if (name.length > 40 || !PLAIN_CLASS.test(name) || GENERATED_PREFIX.test(name) || STATE_CLASS.test(name))
    return false;
  // Several capitals in a short token without separators is a hash (`bdVaJa`), not a name.
  const capitals = name.slice(1).replace(/[^A-Z]/g, '').length;
  return !(capitals >= 2 && !/[-_]/.test(name) && name.length <= 10);
}

/** An id worth selecting by: written by a person (no digits) and unique on the page. */
export function stableId(el: Element): string | undefined {
  const id = el.id;
  if (!id || !PLAIN_CLASS.test(id) || id.startsWith('-')) return undefined;
  return el.ownerDocument.querySelectorAll(`#${id}`).length === 1 ? `#${id}` : undefined;
}

/** The element's tag, as a selector. */
export function tagOf(el: Element): string {
  return el.localName;
}

/** `.class` for every stable class, in the element's own order. */
export function classFeatures(el: Element): string[] {
  return Array.from(el.classList)
    .filter(isStableClass)
    .map((name) => `.${name}`);
}

/**
 * Attribute markers: presence of `data-*` attributes (`[data-stream-entry]`), values that name a kind
 * (`[role="article"]`, `[itemprop="author"]`), the word before an id's number (`[id^="comment-"]`) and
 * the folder of a profile link (`[href*="/people/"]`).
 */
export function attributeFeatures(el: Element): string[] {
  const features: string[] = [];
  for (const { name, value } of Array.from(el.attributes)) {
    if (!PLAIN_NAME.test(name) || name.length > 40 || NOISE_ATTRIBUTE.test(name)) continue;
    if (KIND_ATTRIBUTES.has(name)) {
      if (PLAIN_VALUE.test(value) && !/\d/.test(value)) features.push(`[${name}="${value}"]`);
      continue;
    }
    if (name.startsWith('data-')) features.push(`[${name}]`);
    else if (name === 'id') {
      const prefix = /^([A-Za-z][A-Za-z_-]{2,30}[-_])\d/.exec(value)?.[1];
      if (prefix) features.push(`[id^="${prefix}"]`);
    } else if (name === 'href') {
      const folder = profileFolder(value);
      if (folder) features.push(`[href*="${folder}"]`);
    }
  }
  return features;
}

/** `/people/` from `/people/anna.schmidt` or `https://x.example/people/42`: where profiles live. */
function profileFolder(href: string): string | undefined {
  let path: string;
  try {
    path = new URL(href, 'https://host.invalid/').pathname;
  } catch {
    return undefined;
  }
  const [first, ...rest] = path.split('/').filter(Boolean);
  if (!first || rest.length === 0 || !PLAIN_CLASS.test(first)) return undefined;
  return `/${first}/`;
}

/** Every stable feature of the element, classes first. */
export function featuresOf(el: Element): string[] {
  return [...classFeatures(el), ...attributeFeatures(el)];
}

/** Tag and all stable classes: how an element looks, to compare it with others. */
export function signatureOf(el: Element): string {
  return tagOf(el) + classFeatures(el).join('');
}

/**
 * Simple selectors for the element, from general to specific: the tag, the tag with each feature, the
 * tag with each pair of features, and the tag with all of them.
 */
export function simpleSelectors(el: Element, maxFeatures = 8): string[] {
  const tag = tagOf(el);
  const features = featuresOf(el).slice(0, maxFeatures);
  const out = [tag, ...features.map((feature) => tag + feature)];
  for (let i = 0; i < features.length; i++)
    for (let j = i + 1; j < features.length; j++) out.push(tag + features[i] + features[j]);
  if (features.length > 2) out.push(tag + features.join(''));
  return out;
}

/** Whether the string parses as a CSS selector here (`:scope` included). */
export function isSelector(css: string, doc: Document): boolean {
  try {
    doc.createDocumentFragment().querySelector(css);
    return true;
  } catch {
    return false;
  }
}
