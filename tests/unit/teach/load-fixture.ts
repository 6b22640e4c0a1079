import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parsePage } from '../hosts/parse-page';

// The unit-test browser has no i18n: texts show as their keys.
Object.assign(fakeBrowser.i18n, { getMessage: (name: string) => name });

export const GENERIC_FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'hosts', 'generic');

/** A saved page of an intranet no adapter knows, parsed (never run: no scripts, no network). */
export function loadGenericFixture(file: string, url: string): { doc: Document; url: URL } {
  const html = readFileSync(join(GENERIC_FIXTURES, file), 'utf8');
  return { doc: parsePage(html, url), url: new URL(url) };
}

/** The first element matching `css` whose text is `text`: how a test "clicks" what a user sees. */
export function byText(doc: Document, css: string, text: string): Element {
  const found = Array.from(doc.querySelectorAll(css)).find((el) => el.textContent?.trim() === text);
  if (!found) throw new Error(`no ${css} with the text ${text}`);
  return found;
}
