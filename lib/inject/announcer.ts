import { createShadowHost } from './shadow-host';

const ANNOUNCER_CSS =
  ':host { all: initial !important; position: fixed !important; width: 1px !important; height: 1px !important; overflow: hidden !important; clip-path: inset(50%) !important; }';

/**
 * One live region per page for what screen readers should hear ("Saved in your browser"), instead of
 * one per post: thousands of live regions cost layout and make screen readers slow. Created on first use.
 */
export function createAnnouncer(doc: Document) {
  let region: HTMLElement | undefined;
  let host: HTMLElement | undefined;
  return {
    announce(text: string) {
      if (!region || !host?.isConnected) {
        const created = createShadowHost(doc, ANNOUNCER_CSS, 'rueckenwind-announcer');
        host = created.host;
        region = doc.createElement('p');
        region.setAttribute('role', 'status');
        created.root.append(region);
        doc.body.append(host);
      }
      // Emptied first, so the same words said twice are announced twice.
      region.textContent = '';
      const target = region;
      queueMicrotask(() => {
        target.textContent = text;
      });
    },
    remove() {
      host?.remove();
    },
  };
}
