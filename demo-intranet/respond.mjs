/** Response helpers shared by pages, API and assets. */

/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {string} contentType
 * @param {string | Buffer} body
 */
export function send(res, status, contentType, body) {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(body);
}

/** @param {ServerResponse} res @param {number} status @param {string} page */
export function sendHtml(res, status, page) {
  // Scripts only from our own files: even if escaping failed, injected markup could not run code.
  res.setHeader(
    'Content-Security-Policy',
    "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  );
  send(res, status, 'text/html; charset=utf-8', page);
}

/** @param {ServerResponse} res @param {number} status @param {unknown} data */
export function sendJson(res, status, data) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(data));
}

/** @param {ServerResponse} res @param {number} status @param {string} error */
export function sendError(res, status, error) {
  sendJson(res, status, { error });
}

/** @param {ServerResponse} res @param {string[]} allowed */
export function sendMethodNotAllowed(res, allowed) {
  res.setHeader('Allow', allowed.join(', '));
  sendError(res, 405, 'Method not allowed');
}
