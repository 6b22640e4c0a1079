/**
 * Cookie sessions with a per-session CSRF token, the way most intranets guard their same-origin APIs. There
 * is no login: every session belongs to the same demo user.
 */

import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * @typedef {{ id: string, userId: string, csrfToken: string }} Session
 * @typedef {import('node:http').IncomingMessage} IncomingMessage
 * @typedef {import('node:http').ServerResponse} ServerResponse
 */

const SESSION_COOKIE = 'demo_session';
// Sessions are created by any page load without a cookie, so a crawler must not be able to fill memory.
const MAX_SESSIONS = 10_000;

const randomToken = () => randomBytes(32).toString('base64url');

/** @param {string | undefined} header @param {string} name */
function cookieValues(header, name) {
  return (header ?? '').split(';').flatMap((pair) => {
    const separator = pair.indexOf('=');
    return separator > 0 && pair.slice(0, separator).trim() === name
      ? [pair.slice(separator + 1).trim()]
      : [];
  });
}

/** @param {string} userId the user every session is logged in as */
export function createSessions(userId) {
  /** @type {Map<string, Session>} */
  const sessions = new Map();

  /** @param {IncomingMessage} req @returns {Session | undefined} */
  const fromRequest = (req) =>
    cookieValues(req.headers.cookie, SESSION_COOKIE)
      .map((id) => sessions.get(id))
      .find((session) => session !== undefined);

  return {
    fromRequest,

    /**
     * The request's session, or a new one announced with Set-Cookie.
     * @param {IncomingMessage} req
     * @param {ServerResponse} res
     * @returns {Session}
     */
    ensure(req, res) {
      const existing = fromRequest(req);
      if (existing) return existing;
      if (sessions.size >= MAX_SESSIONS) {
        const oldest = sessions.keys().next().value;
        if (oldest !== undefined) sessions.delete(oldest);
      }
      const session = { id: randomToken(), userId, csrfToken: randomToken() };
      sessions.set(session.id, session);
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${session.id}; HttpOnly; SameSite=Lax; Path=/`);
      return session;
    },

    /**
     * @param {Session} session
     * @param {string | string[] | undefined} token the X-CSRF-Token header
     */
    isValidCsrfToken(session, token) {
      if (typeof token !== 'string') return false;
      const expected = Buffer.from(session.csrfToken);
      const actual = Buffer.from(token);
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}
