export const TEACH_HOST_TAG = 'rueckenwind-teach';

export type OverlayHost = {
  host: HTMLElement;
  /** Where the outlines are drawn (never on the page's own elements). */
  layer: HTMLElement;
  /** Where the panel is rendered. */
  app: HTMLElement;
};

/**
 * The picker's host: a full-viewport element that lets every click through (`pointer-events: none`)
 * to the page, with a closed shadow root for the panel and the outlines, so the page can neither read
 * nor restyle them. Inline `!important` beats page rules that would hide or move the host.
 */
export function createOverlayHost(doc: Document, css: string): OverlayHost {
  const host = doc.createElement(TEACH_HOST_TAG);
  const place = {
    display: 'block',
    position: 'fixed',
    inset: '0',
    margin: '0',
    'z-index': '2147483647',
    'pointer-events': 'none',
    visibility: 'visible',
  };
  for (const [property, value] of Object.entries(place)) host.style.setProperty(property, value, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  const layer = doc.createElement('div');
  const app = doc.createElement('div');
  root.append(style, layer, app);
  doc.documentElement.append(host);
  return { host, layer, app };
}
