/**
 * Saves the MediaWiki adapter's fixture pages from a freshly started real wiki, as Mara (logged in) sees
 * them: `node tests/hosts/mediawiki/save-fixtures.mjs [--date YYYY-MM-DD]`. The HTML is the server's,
 * before any script ran. New dates mean new files: point lib/hosts/mediawiki/selectors.ts at them and
 * delete the old ones.
 */

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ARTICLE, TALK_PAGE, USER_TALK_PAGE } from './seed.mjs';
import { installMediaWikiPackages, startMediaWiki } from './start.mjs';

const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/hosts/mediawiki/', import.meta.url));
/** Fixed, so that the absolute links in the saved pages stay the same from one refresh to the next. */
const PORT = 5393;
const VIEWER = 'Mara';

/** On a wiki the talk page is the feed, one thread with its replies the single post. */
const PAGES = [
  { name: 'talk-page', title: TALK_PAGE.title },
  { name: 'user-talk-thread', title: USER_TALK_PAGE.title },
  { name: 'no-posts', title: ARTICLE.title },
];

/** The few cookies a MediaWiki session needs, kept the way a browser would. */
function createCookieJar() {
  /** @type {Map<string, string>} */
  const cookies = new Map();
  return {
    /** @param {Response} response */
    store(response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const eq = pair.indexOf('=');
        if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
      }
    },
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  };
}

/**
 * Logs in through the action API (clientlogin, as Special:UserLogin does) and returns a fetch for pages
 * with that session.
 * @param {string} url
 * @param {{ username: string, password: string }} user
 */
async function logIn(url, { username, password }) {
  const jar = createCookieJar();
  /** @param {string} path @param {RequestInit} [init] */
  const get = async (path, init = {}) => {
    const response = await fetch(`${url}${path}`, {
      ...init,
      headers: { ...init.headers, cookie: jar.header() },
      redirect: 'manual',
    });
    jar.store(response);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response;
  };
  const tokens = await (await get('/api.php?action=query&meta=tokens&type=login&format=json')).json();
  const body = new URLSearchParams({
    action: 'clientlogin',
    format: 'json',
    username,
    password,
    logintoken: tokens.query.tokens.logintoken,
    loginreturnurl: `${url}/`,
  });
  const login = await (await get('/api.php', { method: 'POST', body })).json();
  if (login.clientlogin?.status !== 'PASS')
    throw new Error(`Login as ${username} failed: ${JSON.stringify(login)}`);
  return get;
}

async function main() {
  const today = new Date().toLocaleDateString('sv'); // YYYY-MM-DD in the local time zone
  const { values } = parseArgs({ options: { date: { type: 'string', default: today } } });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date))
    throw new Error(`--date must be YYYY-MM-DD, not ${values.date}`);

  installMediaWikiPackages();
  const wiki = await startMediaWiki({ port: PORT });
  try {
    const get = await logIn(wiki.url, wiki.credentials[VIEWER]);
    for (const { name, title } of PAGES) {
      const path = `/index.php/${encodeURI(title.replaceAll(' ', '_'))}`;
      const html = await (await get(path)).text();
      const file = join(FIXTURE_DIR, `${name}-${values.date}.html`);
      await writeFile(file, html);
      console.log(`${wiki.url}${path} → ${file}`);
    }
  } finally {
    await wiki.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
