/**
 * Test-only fault injection for the API, for the reliability tests (tests/e2e/reliability). It exists only
 * when `startDemoIntranet({ faults })` is given a plan: `npm start`, `npm run demo` and every other caller
 * get the plain API. The plan decides per API request; the faults are the ways real intranets fail.
 */
import { Readable } from 'node:stream';
import { sendError } from './respond.mjs';

/**
 * - `status`: answer with this HTTP status without touching the data (5xx, or 429 with `Retry-After`);
 * - `malformed-json`: do the request, then answer with a body that is not JSON;
 * - `lose-response`: do the request (a write is committed), then close the connection right after the status
 *   line and headers, so the answer's body never arrives. (Dropped before the first byte of the answer, the
 *   browser itself would send the request again on a reused connection, which no page code can prevent.)
 * - `stall`: wait `ms` first, then do the request (a write lands late, after the client may have given up).
 * @typedef {{ kind: 'status', status: number, retryAfterSeconds?: number }
 *   | { kind: 'malformed-json' }
 *   | { kind: 'lose-response' }
 *   | { kind: 'stall', ms: number }} Fault
 * @typedef {{ at: number, method: string, path: string, headers: import('node:http').IncomingHttpHeaders }} ApiRequest
 * @typedef {{ decide: (request: ApiRequest) => Fault | undefined }} FaultPlan
 * @typedef {import('node:http').IncomingMessage} IncomingMessage
 * @typedef {import('node:http').ServerResponse} ServerResponse
 * @typedef {(req: IncomingMessage, res: ServerResponse, url: URL) => Promise<unknown>} ApiHandler
 */

/**
 * The request again, with its body read to the end, so it can be handled after a stall even when the
 * client has hung up meanwhile (as a slow server still commits what it received).
 * @param {IncomingMessage} req
 * @returns {Promise<IncomingMessage>}
 */
async function buffered(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Readable.from(chunks.length > 0 ? [Buffer.concat(chunks)] : []);
  return /** @type {IncomingMessage} */ (
    /** @type {unknown} */ (Object.assign(body, { method: req.method, url: req.url, headers: req.headers }))
  );
}

/**
 * Wraps the API handler with a fault plan; returns it unchanged without one.
 * @param {ApiHandler} handleApi
 * @param {FaultPlan | undefined} plan
 * @returns {{ handleApi: ApiHandler, stop: () => void }}
 */
export function withFaults(handleApi, plan) {
  if (!plan) return { handleApi, stop: () => undefined };
  /** @type {Set<ReturnType<typeof setTimeout>>} */
  const stalls = new Set();
  let stopped = false;

  /** @param {number} ms */
  const sleep = (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        stalls.delete(timer);
        resolve(undefined);
      }, ms);
      stalls.add(timer);
    });

  /** @type {ApiHandler} */
  const faulty = async (req, res, url) => {
    const fault = plan.decide({
      at: Date.now(),
      method: req.method ?? 'GET',
      path: url.pathname,
      headers: req.headers,
    });
    // A response nobody reads any more must not crash the server.
    res.on('error', () => undefined);
    switch (fault?.kind) {
      case undefined:
        return handleApi(req, res, url);
      case 'status':
        req.resume();
        if (fault.retryAfterSeconds !== undefined)
          res.setHeader('Retry-After', String(fault.retryAfterSeconds));
        return sendError(res, fault.status, `Injected fault: HTTP ${fault.status}`);
      case 'malformed-json': {
        const end = res.end.bind(res);
        res.end = /** @type {ServerResponse['end']} */ (
          () => {
            const garbage = '{"id": "';
            res.setHeader('Content-Length', Buffer.byteLength(garbage));
            return end(garbage);
          }
        );
        return handleApi(req, res, url);
      }
      case 'lose-response':
        res.end = /** @type {ServerResponse['end']} */ (
          () => {
            res.flushHeaders();
            req.socket.end();
            return res;
          }
        );
        return handleApi(req, res, url);
      case 'stall': {
        const replay = await buffered(req);
        await sleep(fault.ms);
        if (stopped) return;
        return handleApi(replay, res, url);
      }
    }
  };
  return {
    handleApi: faulty,
    stop: () => {
      stopped = true;
      for (const timer of stalls) clearTimeout(timer);
      stalls.clear();
    },
  };
}
