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
 * A host element with a closed shadow root: the page can neither read nor restyle what we render in
 * it. Inline `!important` beats any page rule that would hide or move the host itself.
 */
export function createShadowHost(
  doc: Document,
  css: string,
  tag = SHADOW_HOST_TAG,
): { host: HTMLElement; container: HTMLElement } {
  const host = doc.createElement(tag);
  host.style.setProperty('display', 'inline-block', 'important');
  host.style.setProperty('visibility', 'visible', 'important');
  host.style.setProperty('position', 'static', 'important');
  const root = host.attachShadow({ mode: 'closed' });
  const container = doc.createElement('div');
  const sheet = sharedSheet(doc, css);
  try {
    if (!sheet) throw new Error('no constructable stylesheet');
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Where a content script may not adopt sheets (older Firefox), each root parses its own copy.
    const style = doc.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  root.append(container);
  return { host, container };
}
