/**
 * A real MediaWiki (Debian's package) on 127.0.0.1 for tests: installed with SQLite into a temp dir, seeded
 * with users and a discussion (./seed.mjs), served by `php -S`. Run `node tests/hosts/mediawiki/start.mjs
 * [--port N]` to try it by hand; it prints the address and the test users' passwords.
 */

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ALICE_USER_PAGE, ARTICLE, discussionEdits, TALK_PAGE, USER_TALK_PAGE, USERS } from './seed.mjs';

/** Where Debian's `mediawiki` package puts the code. */
export const MEDIAWIKI_DIR = '/usr/share/mediawiki';
const HERE = fileURLToPath(new URL('.', import.meta.url));
const INSTALL_SCRIPT = join(HERE, 'install-packages.sh');
const READY_TIMEOUT_MS = 20_000;

/**
 * @typedef {object} RunningMediaWiki
 * @property {string} url The wiki's origin, e.g. `http://127.0.0.1:41234`; pages: `${url}/index.php/Title`.
 * @property {Record<import('./seed.mjs').UserName, { username: string, password: string }>} credentials
 * @property {() => Promise<void>} close Stops the server (its whole process group) and deletes the wiki.
 */

/**
 * Installs `mediawiki php-sqlite3 php-cli` with apt when any is missing (a no-op, ~20 ms, otherwise).
 * Blocking on purpose: nothing else can happen before it. The terminal is inherited, so a developer who
 * is not root sees apt's progress and sudo's prompt.
 */
export function installMediaWikiPackages() {
  const result = spawnSync('bash', [INSTALL_SCRIPT], { stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(
      `${INSTALL_SCRIPT} failed (exit ${result.status ?? result.signal}): see its output above.`,
    );
  }
}

/**
 * @param {{ port?: number }} [options] port 0 (the default) picks a free one.
 * @returns {Promise<RunningMediaWiki>}
 */
export async function startMediaWiki({ port = 0 } = {}) {
  if (!existsSync(join(MEDIAWIKI_DIR, 'maintenance', 'install.php'))) {
    throw new Error(`No MediaWiki in ${MEDIAWIKI_DIR}: run ${INSTALL_SCRIPT} first.`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'rueckenwind-mediawiki-'));
  try {
    const wiki = { dir, env: { ...process.env, MW_CONFIG_FILE: join(dir, 'LocalSettings.php') } };
    await installWiki(wiki);
    await seedWiki(wiki);
    const server = await serve(wiki, port || (await freePort()));
    return {
      url: server.url,
      credentials: credentials(),
      close: async () => {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Where a wiki lives and the environment its scripts and server run with.
 * @typedef {{ dir: string, env: NodeJS.ProcessEnv }} Wiki
 */

/** @param {Wiki} wiki */
async function installWiki({ dir }) {
  await php({ dir, env: process.env }, [
    'maintenance/install.php',
    '--dbtype=sqlite',
    `--dbpath=${dir}`,
    '--dbname=wiki',
    `--confpath=${dir}`,
    // Placeholder: test-settings.php makes links follow the Host header, so the port can be chosen later.
    '--server=http://127.0.0.1',
    '--scriptpath=',
    '--lang=en',
    '--skins=Vector',
    '--pass=admin-wiki-2026',
    '--quiet',
    'Intranet Wiki',
    'Admin',
  ]);
  const settings = join(HERE, 'test-settings.php');
  await appendFile(join(dir, 'LocalSettings.php'), `\nrequire_once ${JSON.stringify(settings)};\n`);
}

/**
 * Users through createAndPromote.php, pages through edit.php, each edit as its author at its time (so
 * `~~~~` becomes that user's real signature with that date).
 * @param {Wiki} wiki
 */
async function seedWiki(wiki) {
  for (const [name, password] of Object.entries(USERS)) {
    await php(wiki, ['maintenance/createAndPromote.php', '--custom-groups=tester', name, password]);
  }
  for (const page of [ALICE_USER_PAGE, ARTICLE])
    await edit(wiki, page.title, page.author, page.at, page.text);
  for (const page of [TALK_PAGE, USER_TALK_PAGE]) {
    for (const [index, step] of discussionEdits(page).entries()) {
      // Each edit starts from what the wiki stored: the earlier signatures, expanded.
      const text = index === 0 ? '' : await php(wiki, ['maintenance/getText.php', page.title]);
      await edit(wiki, page.title, step.author, step.at, step.edit(text));
    }
  }
}

/**
 * @param {Wiki} wiki
 * @param {string} title
 * @param {string} user
 * @param {string} at ISO 8601
 * @param {string} text
 */
async function edit(wiki, title, user, at, text) {
  const env = { ...wiki.env, RUECKENWIND_SEED_TIME: at };
  await php(
    { ...wiki, env },
    ['maintenance/edit.php', `--user=${user}`, '--summary=Seeded by the Rückenwind tests', title],
    text,
  );
}

/**
 * Runs a PHP script in the MediaWiki directory; resolves with its stdout.
 * @param {Wiki} wiki
 * @param {string[]} args
 * @param {string} [input] stdin
 * @returns {Promise<string>}
 */
function php({ dir, env }, args, input = '') {
  return new Promise((resolve, reject) => {
    const child = spawn('php', [...opcacheFlags(dir), ...args], {
      cwd: MEDIAWIKI_DIR,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => {
      // Maintenance scripts report some failures on stdout.
      if (code === 0) resolve(stdout);
      else reject(new Error(`php ${args.join(' ')} exited with ${code}:\n${stderr}${stdout}`));
    });
    child.stdin.end(input);
  });
}

/**
 * Seeding runs ~30 short PHP processes: a file-based opcode cache shared between them halves their start-up.
 * @param {string} dir
 */
function opcacheFlags(dir) {
  const cache = join(dir, 'opcache');
  mkdirSync(cache, { recursive: true });
  return [
    '-d',
    'opcache.enable_cli=1',
    '-d',
    `opcache.file_cache=${cache}`,
    '-d',
    'opcache.file_cache_only=1',
  ];
}

/** @returns {Promise<number>} a port that was free a moment ago on 127.0.0.1 */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `php -S` in its own process group (`detached` is setsid): with PHP_CLI_SERVER_WORKERS its workers
 * outlive the master, so stopping means signalling the whole group.
 * @param {Wiki} wiki
 * @param {number} port
 */
async function serve({ env }, port) {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', MEDIAWIKI_DIR], {
    cwd: MEDIAWIKI_DIR,
    // Workers: a browser loads styles and scripts in parallel.
    env: { ...env, PHP_CLI_SERVER_WORKERS: '4' },
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // The request log must be drained or the server blocks; its tail explains a failed start.
  let log = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    log = (log + chunk).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const killGroup = (/** @type {NodeJS.Signals} */ signal) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  // A test runner that dies without calling stop() must not leave the server behind.
  const killOnExit = () => killGroup('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitUntilReady(url, exited);
  } catch (error) {
    await stop();
    throw new Error(
      `MediaWiki did not start on ${url}: ${error instanceof Error ? error.message : error}\n${log}`,
    );
  }
  return { url, stop };
}

/**
 * @param {string} url
 * @param {Promise<unknown>} exited
 */
async function waitUntilReady(url, exited) {
  let done = false;
  const died = exited.then(() => {
    if (!done) throw new Error('the server exited');
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (;;) {
      const ok = await Promise.race([
        fetch(`${url}/api.php?action=query&meta=siteinfo&format=json`).then(
          (response) => response.ok,
          () => false,
        ),
        died,
      ]);
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`no answer within ${READY_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    done = true;
  }
}

function credentials() {
  return /** @type {RunningMediaWiki['credentials']} */ (
    Object.fromEntries(
      Object.entries(USERS).map(([username, password]) => [username, { username, password }]),
    )
  );
}

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a number from 0 to 65535, not ${values.port}`);
  }
  let started = performance.now();
  installMediaWikiPackages();
  const installedIn = performance.now() - started;
  started = performance.now();
  const wiki = await startMediaWiki({ port });
  const startedIn = performance.now() - started;
  console.log(`MediaWiki: ${wiki.url}/index.php/${encodeURI(TALK_PAGE.title.replaceAll(' ', '_'))}`);
  console.log(
    `Packages checked in ${(installedIn / 1000).toFixed(1)} s, wiki ready in ${(startedIn / 1000).toFixed(1)} s.`,
  );
  for (const { username, password } of Object.values(wiki.credentials))
    console.log(`  ${username} / ${password}`);
  const stop = () => {
    wiki.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
