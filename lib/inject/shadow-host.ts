export const SHADOW_HOST_TAG = 'rueckenwind-post-actions';

/** One parsed stylesheet per page and stylesheet text, shared by every mount (adopted, not re-parsed). */
const sheets = new Map<string, CSSStyleSheet | null>();

function sharedSheet(doc: Document, css: string): CSSStyleSheet | null {
  let sheet = sheets.get(css);
  if (sheet !== undefined) return sheet;
  try {
    // The page's own constructor: a sheet must belong to the document whose shadow roots adopt it.
    const Sheet = doc.defaultView?.CSSStyleSheet;
    sheet = Sheet ? new Sheet() : null;
    sheet?.replaceSync(css);
  } catch {
    sheet = null;
  }
  sheets.set(css, sheet);
  return sheet;
}

/**
 * Adds `css` to a shadow root, after what it already has (the composers add theirs on first use). A
 * root just made (`empty`) is given its sheet without reading what it has: this runs for every post.
 */
export function addStyles(root: ShadowRoot, css: string, empty = false): void {
  const doc = root.ownerDocument;
  const sheet = sharedSheet(doc, css);
  try {
    if (!sheet) throw new Error('no constructable stylesheet');
    if (empty) root.adoptedStyleSheets = [sheet];
    else if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // Where a content script may not adopt sheets (older Firefox), each root parses its own copy.
    const style = doc.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

/** A host element per page and tag, cloned for each mount: one attribute copy instead of three style writes. */
const prototypes = new WeakMap<Document, Map<string, HTMLElement>>();

function hostPrototype(doc: Document, tag: string): HTMLElement {
  let byTag = prototypes.get(doc);
  if (!byTag) {
    byTag = new Map();
    prototypes.set(doc, byTag);
  }
  let host = byTag.get(tag);
  if (!host) {
    host = doc.createElement(tag);
    host.style.setProperty('display', 'inline-block', 'important');
    host.style.setProperty('visibility', 'visible', 'important');
    host.style.setProperty('position', 'static', 'important');
    byTag.set(tag, host);
  }
  return host;
}

/**
 * A host element with a closed shadow root: the page can neither read nor restyle what we render in
 * it. Inline `!important` beats any page rule that would hide or move the host itself.
 */
export function createShadowHost(
  doc: Document,
  css: string,
  tag = SHADOW_HOST_TAG,
): { host: HTMLElement; root: ShadowRoot } {
  const host = hostPrototype(doc, tag).cloneNode(false) as HTMLElement;
  const root = host.attachShadow({ mode: 'closed' });
  addStyles(root, css, true);
  return { host, root };
}
