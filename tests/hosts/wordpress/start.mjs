/**
 * A real WordPress 6.1 (Debian's package) for tests: a private MariaDB and PHP's built-in web server on
 * 127.0.0.1, everything under a temporary directory that close() removes. Needs the packages from
 * install-packages.sh. Run `node tests/hosts/wordpress/start.mjs [--port N] [--theme T]` to try it by hand.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { startMariaDb } from './mariadb.mjs';
import { spawnGroup, waitUntilReady } from './processes.mjs';
import { POSTS, SIGNED_IN_LOGIN, SITE_TITLE, USERS } from './seed.mjs';
import { writeSite } from './site-files.mjs';

const run = promisify(execFile);
const INSTALLER = fileURLToPath(new URL('./install-site.php', import.meta.url));
const HOST = '127.0.0.1';
const DATABASE = 'wordpress';

/** Twenty Twenty-Three is 6.1's default (a block theme); Twenty Twenty-One is a classic theme. */
export const THEMES = /** @type {const} */ (['twentytwentythree', 'twentytwentyone']);

/**
 * @typedef {(typeof THEMES)[number]} Theme
 * @typedef {{ id: number, url: string, comments: Record<string, number> }} CreatedPost
 * @typedef {object} WordPress
 * @property {string} url without a trailing slash
 * @property {import('./seed.mjs').SeedUser} signedInUser whom tests sign in as
 * @property {import('./seed.mjs').SeedUser[]} users
 * @property {Record<string, CreatedPost>} posts by seed slug: ids and permalinks of posts and comments
 * @property {() => Promise<void>} close
 */

/**
 * @param {{ port?: number, theme?: Theme }} [options] port 0 (the default) picks a free one
 * @returns {Promise<WordPress>}
 */
export async function startWordPress({ port = 0, theme = 'twentytwentythree' } = {}) {
  const chosenPort = port || (await freePort());
  const url = `http://${HOST}:${chosenPort}`;
  const dir = await mkdtemp(join(tmpdir(), 'rueckenwind-wordpress-'));
  /** @type {(() => Promise<void>)[]} */
  const stops = [];
  /** @type {Promise<void> | undefined} */
  let closing;
  const close = () => {
    closing ??= (async () => {
      for (const stop of stops.reverse()) await stop();
      await rm(dir, { recursive: true, force: true });
    })();
    return closing;
  };
  try {
    const db = await startMariaDb(dir, DATABASE);
    stops.push(db.stop);
    const { siteDir, prependFile } = await writeSite(dir, { url, socket: db.socket, database: DATABASE });
    const posts = await installSite(dir, prependFile, theme);

    const web = spawnGroup(
      'php',
      ['-d', `auto_prepend_file=${prependFile}`, '-S', `${HOST}:${chosenPort}`, '-t', siteDir],
      // A single-process server would make the browser fetch a page's styles and scripts one by one.
      { logFile: join(dir, 'php.log'), env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' } },
    );
    stops.push(web.stop);
    // Its own line first: if the port was taken, another server would answer in its stead.
    const started = `Development Server (${url}) started`;
    await waitUntilReady(web, `WordPress on ${url}`, async () =>
      web.output().includes(started) ? answers(`${url}/wp-login.php`) : false,
    );

    const signedInUser = USERS.find((user) => user.login === SIGNED_IN_LOGIN);
    if (!signedInUser) throw new Error(`seed.mjs has no user ${SIGNED_IN_LOGIN}`);
    return { url, signedInUser, users: USERS, posts, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * @param {string} dir
 * @param {string} prependFile
 * @param {Theme} theme
 * @returns {Promise<Record<string, CreatedPost>>}
 */
async function installSite(dir, prependFile, theme) {
  const seedFile = join(dir, 'seed.json');
  await writeFile(seedFile, JSON.stringify({ title: SITE_TITLE, users: USERS, posts: POSTS }));
  const { stdout } = await run('php', ['-d', `auto_prepend_file=${prependFile}`, INSTALLER, seedFile, theme]);
  // WordPress may print notices before our JSON: it is the last line.
  const last = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last).posts;
  } catch {
    throw new Error(`install-site.php printed no JSON:\n${stdout}`);
  }
}

/** @param {string} url */
async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, theme: { type: 'string', default: THEMES[0] } },
  });
  const theme = THEMES.find((name) => name === values.theme);
  if (!theme) throw new Error(`--theme must be one of ${THEMES.join(', ')}`);
  const started = performance.now();
  const wordpress = await startWordPress({ port: Number(values.port), theme });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `WordPress (${theme}) on ${wordpress.url}/ in ${seconds} s. Sign in at ${wordpress.url}/wp-login.php:`,
  );
  for (const user of wordpress.users) console.log(`  ${user.login} / ${user.password} (${user.role})`);
  for (const post of Object.values(wordpress.posts)) console.log(`  post: ${post.url}`);
  const stop = () => {
    wordpress.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // `on`, not `once`: a second signal (timeout and shell both forward one) would kill us mid-cleanup.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
