export const SHADOW_HOST_TAG = 'rueckenwind-post-actions';

/**
 * A host element with a closed shadow root: the page can neither read nor restyle what we render in
 * it. Inline `!important` beats any page rule that would hide or move the host itself.
 */
export function createShadowHost(doc: Document, css: string): { host: HTMLElement; container: HTMLElement } {
  const host = doc.createElement(SHADOW_HOST_TAG);
  host.style.setProperty('display', 'inline-block', 'important');
  host.style.setProperty('visibility', 'visible', 'important');
  host.style.setProperty('position', 'static', 'important');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  root.append(style, container);
  return { host, container };
}
