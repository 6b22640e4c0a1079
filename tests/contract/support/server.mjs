/**
 * Shared base for contract servers: local stand-ins for SaaS hosts that implement their documented
 * endpoints, auth and limits, so an adapter's sync can be tested end to end without the real service.
 *
 * API (stable; other contract servers build on it):
 *
 *   const server = await startContractServer({ routes, tls });
 *     routes: [{ method: 'GET' | 'POST' | …, path: '/api/v4/posts/:id', handle: (ctx) => Reply }]
 *       `:name` matches one path segment (URL-decoded into ctx.params.name), `:name.json` one ending in
 *       `.json` (without it in the value); first match wins.
 *       ctx: { req, method, url (URL), params, cookies (Map), header(name), body() → readJsonBody(req) }
 *       Reply: { status, json?, html?, text?, headers? } (see `json`, `html` below), or a Promise of one;
 *       `drop: true` breaks the connection halfway through the answer: the host did the work, the client
 *       cannot read the answer.
 *     tls: optional { key, cert } (e.g. from ./tls.mjs) to serve HTTPS.
 *   server.url      'http://127.0.0.1:PORT' (or https://…); binds only to 127.0.0.1, port chosen free
 *   server.log      every request: { method, path, query, status, dropped, headers, body, at } (RequestLog)
 *   server.loseNextAnswer(method, path)  the next such request is served, but its answer breaks off
 *                   halfway (as `drop: true`): for "the host took the write, the client never heard".
 *   server.close()  stops it and drops open connections.
 *
 * Unknown paths answer 404 `{ "error": "not found" }`; a handler that throws answers 500 and is logged.
 * Sessions, bodies, rate windows, fixtures and TLS live in the modules beside this one.
 */

import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readJsonBody } from './body.mjs';

/**
 * @typedef {import('node:http').IncomingMessage} IncomingMessage
 * @typedef {{ status: number, json?: unknown, html?: string, text?: string, headers?: Record<string, string | string[]>, drop?: boolean }} Reply
 * @typedef {object} Context
 * @property {IncomingMessage} req
 * @property {string} method
 * @property {URL} url
 * @property {Record<string, string>} params
 * @property {Map<string, string>} cookies
 * @property {(name: string) => string | undefined} header first value of a request header
 * @property {() => Promise<import('./body.mjs').JsonBody>} body the JSON body, read once
 * @typedef {{ method: string, path: string, handle: (ctx: Context) => Reply | Promise<Reply> }} Route
 * @typedef {{ method: string, path: string, query: string, status: number, dropped: boolean, headers: Record<string, string | string[] | undefined>, body: unknown, at: number }} LoggedRequest
 */

/** @param {number} status @param {unknown} value @param {Record<string, string | string[]>} [headers] @returns {Reply} */
export const json = (status, value, headers) => ({ status, json: value, headers });
/** @param {number} status @param {string} page @param {Record<string, string | string[]>} [headers] @returns {Reply} */
export const html = (status, page, headers) => ({ status, html: page, headers });

/** What reached the server, for tests to assert on (exactly once, with which headers…). */
export class RequestLog {
  /** @type {LoggedRequest[]} */
  entries = [];

  /** @param {string} method @param {string | RegExp} path */
  find(method, path) {
    return this.entries.filter(
      (entry) =>
        entry.method === method && (typeof path === 'string' ? entry.path === path : path.test(entry.path)),
    );
  }

  clear() {
    this.entries.length = 0;
  }
}

/** @param {string | undefined} header @returns {Map<string, string>} */
export function parseCookies(header) {
  const cookies = new Map();
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0) cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
  }
  return cookies;
}

/** @param {string} pattern @param {string} path @returns {Record<string, string> | undefined} */
function matchPath(pattern, path) {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return undefined;
  /** @type {Record<string, string>} */
  const params = {};
  for (const [index, part] of want.entries()) {
    const actual = have[index] ?? '';
    const param = /^:(\w+)(.*)$/.exec(part);
    if (param) {
      // `:id.json`: the segment must end in the suffix, which is not part of the value.
      const [, name = '', suffix = ''] = param;
      if (actual.length <= suffix.length || !actual.endsWith(suffix)) return undefined;
      try {
        params[name] = decodeURIComponent(actual.slice(0, actual.length - suffix.length));
      } catch {
        return undefined;
      }
    } else if (part !== actual) return undefined;
  }
  return params;
}

/**
 * @param {{ routes: Route[], tls?: { key: string, cert: string } }} options
 * @returns {Promise<{ url: string, port: number, log: RequestLog, loseNextAnswer: (method: string, path: string) => void, close: () => Promise<void> }>}
 */
export async function startContractServer({ routes, tls }) {
  const log = new RequestLog();
  /** @type {Array<{ method: string, path: string }>} */
  const answersToLose = [];

  /** @type {import('node:http').RequestListener} */
  const listener = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://contract.invalid');
    const method = req.method ?? 'GET';
    /** @type {Promise<import('./body.mjs').JsonBody> | undefined} */
    let body;
    /** @type {Reply} */
    let reply = json(404, { error: 'not found' });
    try {
      for (const route of routes) {
        if (route.method !== method) continue;
        const params = matchPath(route.path, url.pathname);
        if (!params) continue;
        reply = await route.handle({
          req,
          method,
          url,
          params,
          cookies: parseCookies(req.headers.cookie),
          header: (name) => {
            const value = req.headers[name.toLowerCase()];
            return Array.isArray(value) ? value[0] : value;
          },
          body: () => {
            body ??= readJsonBody(req);
            return body;
          },
        });
        break;
      }
    } catch (error) {
      reply = json(500, { error: error instanceof Error ? error.message : String(error) });
    }
    const lose = answersToLose.findIndex((want) => want.method === method && want.path === url.pathname);
    if (lose >= 0) {
      answersToLose.splice(lose, 1);
      reply = { ...reply, drop: true };
    }
    const read = body ? await body : undefined;
    log.entries.push({
      method,
      path: url.pathname,
      query: url.search,
      status: reply.status,
      dropped: reply.drop === true,
      headers: { ...req.headers },
      body: read?.ok ? read.value : read?.raw,
      at: Date.now(),
    });
    // Drain an unread body so the connection stays usable.
    if (!body) req.resume();
    send(res, reply);
  };

  const server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('contract server: no TCP address');
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${address.port}`,
    port: address.port,
    log,
    /** @param {string} method @param {string} path */
    loseNextAnswer(method, path) {
      answersToLose.push({ method, path });
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** @param {import('node:http').ServerResponse} res @param {Reply} reply */
function send(res, reply) {
  const [type, payload] =
    reply.json !== undefined
      ? ['application/json; charset=utf-8', JSON.stringify(reply.json)]
      : reply.html !== undefined
        ? ['text/html; charset=utf-8', reply.html]
        : ['text/plain; charset=utf-8', reply.text ?? ''];
  res.statusCode = reply.status;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  const bytes = Buffer.from(payload);
  res.setHeader('Content-Length', bytes.length);
  if (!reply.drop) {
    res.end(bytes);
    return;
  }
  // Headers and half the body, then the connection breaks: a browser does not resend a request whose
  // answer had begun (it would resend one that got no byte back), so the client cannot tell what happened.
  const socket = res.socket;
  res.end(bytes.subarray(0, bytes.length >> 1), () => socket?.destroy());
}
