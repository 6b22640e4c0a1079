/**
 * The adapters' fixture pages (tests/fixtures/hosts/<host>/), served as the host's pages: the origin the
 * fixture was saved from is replaced by the contract server's, so links and permalinks point at it.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../fixtures/hosts/', import.meta.url));

/**
 * @param {string} host folder under tests/fixtures/hosts
 * @param {string} file e.g. `feed-2026-11-22.html`
 * @param {Record<string, string>} [replacements] exact strings to replace, e.g. `{ [savedOrigin]: server.url }`
 */
export function fixturePage(host, file, replacements = {}) {
  let page = readFileSync(`${FIXTURES}${host}/${file}`, 'utf8');
  for (const [from, to] of Object.entries(replacements)) page = page.replaceAll(from, to);
  return page;
}
