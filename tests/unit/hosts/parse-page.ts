import { Window } from 'happy-dom';

/** A saved host page as the content script would see it, parsed but never run: no scripts, no network. */
export function parsePage(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
