// A private MariaDB for one test WordPress: its own data directory and Unix socket, no TCP port, nothing
// read from /etc (--no-defaults).
import { execFile } from 'node:child_process';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { spawnGroup, waitUntilReady } from './processes.mjs';

const run = promisify(execFile);

/** MariaDB refuses to run as root unless told to; in CI we are root. */
const asUser = process.getuid?.() === 0 ? ['--user=root'] : [];

/**
 * @param {string} dir an empty directory it may own
 * @param {string} database created empty, utf8mb4
 * @returns {Promise<{ socket: string, stop: () => Promise<void> }>}
 */
export async function startMariaDb(dir, database) {
  const dataDir = join(dir, 'data');
  const socket = join(dir, 'mariadb.sock');
  await run('mariadb-install-db', [
    '--no-defaults',
    ...asUser,
    `--datadir=${dataDir}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
  ]);
  const server = spawnGroup(
    'mariadbd',
    [
      '--no-defaults',
      ...asUser,
      `--datadir=${dataDir}`,
      `--socket=${socket}`,
      `--pid-file=${join(dir, 'mariadb.pid')}`,
      '--skip-networking',
    ],
    { logFile: join(dir, 'mariadb.log') },
  );
  try {
    await waitUntilReady(server, 'MariaDB', () => greets(socket));
    await run('mariadb', [
      '--no-defaults',
      `--socket=${socket}`,
      '--user=root',
      '--execute',
      `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    ]);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { socket, stop: server.stop };
}

/**
 * Whether the server sends its handshake on the socket (it does once it accepts connections).
 * @param {string} socket
 * @returns {Promise<boolean>}
 */
function greets(socket) {
  return new Promise((resolve) => {
    const connection = createConnection(socket);
    const done = (/** @type {boolean} */ ok) => {
      connection.destroy();
      resolve(ok);
    };
    connection.once('data', () => done(true));
    connection.once('error', () => done(false));
    connection.setTimeout(1_000, () => done(false));
  });
}
