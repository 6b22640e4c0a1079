/**
 * Saves the WordPress adapter's fixture pages from the real server, signed in as the seed's user, as
 * tests/fixtures/hosts/wordpress/<page>-<date>.html. Run `node tests/hosts/wordpress/save-fixtures.mjs`
 * (after install-packages.sh), then point lib/hosts/wordpress/selectors.ts at the new files.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { POSTS } from './seed.mjs';
import { startWordPress } from './start.mjs';

const OUT_DIR = fileURLToPath(new URL('../../fixtures/hosts/wordpress/', import.meta.url));
/** Fixed, so that the addresses inside the pages match the ones selectors.ts records. */
const PORT = 5392;
const DATE = new Date().toISOString().slice(0, 10);
const THREADED_POST = POSTS[0]?.slug ?? '';

/**
 * Classic themes (Twenty Twenty-One) print comments with wp_list_comments(); block themes (Twenty
 * Twenty-Three, 6.1's default) with the comment-template block. The adapter reads both.
 * @type {{ theme: import('./start.mjs').Theme, pages: { name: string, path: (posts: Record<string, import('./start.mjs').CreatedPost>) => string }[] }[]}
 */
const CAPTURES = [
  {
    theme: 'twentytwentyone',
    pages: [
      { name: 'feed', path: () => '/' },
      { name: 'single-post', path: (posts) => posts[THREADED_POST]?.url ?? '' },
      { name: 'no-posts', path: () => '/?s=Quantencomputer' },
    ],
  },
  {
    theme: 'twentytwentythree',
    pages: [{ name: 'single-post-block-theme', path: (posts) => posts[THREADED_POST]?.url ?? '' }],
  },
];

for (const { theme, pages } of CAPTURES) {
  const wordpress = await startWordPress({ port: PORT, theme });
  try {
    const cookie = await signIn(wordpress.url, wordpress.signedInUser);
    for (const { name, path } of pages) {
      const url = new URL(path(wordpress.posts), wordpress.url).href;
      const response = await fetch(url, { headers: { cookie } });
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      const file = `${OUT_DIR}${name}-${DATE}.html`;
      await writeFile(file, await response.text());
      console.log(`${url} -> ${file}`);
    }
  } finally {
    await wordpress.close();
  }
}

/**
 * Signs in through wp-login.php, as a browser does, and returns the session's Cookie header.
 * @param {string} url
 * @param {{ login: string, password: string }} user
 */
async function signIn(url, { login, password }) {
  const response = await fetch(`${url}/wp-login.php`, {
    method: 'POST',
    redirect: 'manual',
    // wp-login.php refuses sign-ins from clients that did not keep its test cookie.
    headers: { cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
    body: new URLSearchParams({ log: login, pwd: password, testcookie: '1' }),
  });
  const cookies = response.headers.getSetCookie().map((header) => header.split(';')[0]);
  if (response.status !== 302 || !cookies.some((cookie) => cookie?.startsWith('wordpress_logged_in_'))) {
    throw new Error(`Signing in as ${login} failed: HTTP ${response.status}`);
  }
  return cookies.join('; ');
}
