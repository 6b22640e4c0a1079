/**
 * The built-in demo intranet: a small intranet with a feed, sessions, CSRF and a JSON API, so Rückenwind can
 * be tried and tested without a real one. Run `node demo-intranet/server.mjs [--port N]`.
 */

import { createServer } from 'node:http';
import { isIP } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequestHandler } from './app.mjs';
import { CURRENT_USER_ID, PEOPLE, seedPosts } from './seed.mjs';
import { createSessions } from './session.mjs';
import { createStore } from './store.mjs';

/**
 * @typedef {{ url: string, close: () => Promise<void>, store: import('./store.mjs').Store }} DemoIntranet
 */

/**
 * Starts the demo intranet on a loopback address. It has no passwords and one fixed user, so it must never be
 * reachable from the network.
 * @param {{ port?: number, host?: string, faults?: import('./faults.mjs').FaultPlan }} [options] port 0 picks a
 *   free port; `faults` is for tests only (demo-intranet/faults.mjs): without it the API never fails on purpose
 * @returns {Promise<DemoIntranet>}
 */
export async function startDemoIntranet({ port = 0, host = '127.0.0.1', faults } = {}) {
  if (!(isIP(host) === 4 && host.startsWith('127.'))) {
    throw new Error(`The demo intranet only binds to an IPv4 loopback address, not ${host}`);
  }
  const store = createStore({ people: PEOPLE, posts: seedPosts(new Date()) });
  const sessions = createSessions(CURRENT_USER_ID);
  const { handleRequest, stop } = createRequestHandler({ store, sessions, faults });
  const server = createServer(handleRequest);

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('Demo intranet: no TCP address');

  return {
    url: `http://${host}:${address.port}`,
    store,
    close: () =>
      new Promise((resolve, reject) => {
        stop();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections from browsers or fetch would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a number from 0 to 65535, not ${values.port}`);
  }
  const intranet = await startDemoIntranet({ port });
  const stop = () => {
    intranet.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`Demo intranet: ${intranet.url}/`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
