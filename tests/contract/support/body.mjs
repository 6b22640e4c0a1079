/**
 * Reads a request's JSON body the way JSON APIs do: only `application/json`, at most `limit` bytes,
 * well-formed. Each host answers a failure with its own status and error shape, so this only says what
 * was wrong.
 */

/**
 * @typedef {{ ok: true, value: unknown, raw: string }
 *   | { ok: false, problem: 'content-type' | 'too-large' | 'malformed', raw: string }} JsonBody
 */

const DEFAULT_LIMIT = 1024 * 1024;

/** @param {import('node:http').IncomingMessage} req @param {number} [limit] @returns {Promise<JsonBody>} */
export async function readJsonBody(req, limit = DEFAULT_LIMIT) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    // Keep reading (and dropping) so the client sees our answer, not a reset connection.
    if (size <= limit) chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  if (size > limit) return { ok: false, problem: 'too-large', raw: '' };
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return { ok: false, problem: 'content-type', raw };
  try {
    return { ok: true, value: JSON.parse(raw), raw };
  } catch {
    return { ok: false, problem: 'malformed', raw };
  }
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
export const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
