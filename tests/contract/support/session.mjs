/**
 * Cookie sessions for contract servers: `open(userId)` signs a user in (as the host's login would) and
 * gives the cookies to send; `fromRequest(ctx)` finds the session behind a request's cookie. Each session
 * carries a CSRF token for hosts that check one.
 */

import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * @typedef {{ id: string, userId: string, csrfToken: string }} Session
 */

export const randomToken = () => randomBytes(24).toString('base64url');

/** Constant-time comparison of a presented secret with the expected one. @param {string | undefined} actual @param {string} expected */
export function sameSecret(actual, expected) {
  if (typeof actual !== 'string') return false;
  const a = Buffer.from(actual);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** @param {{ cookieName: string }} options */
export function createSessions({ cookieName }) {
  /** @type {Map<string, Session>} */
  const sessions = new Map();
  return {
    cookieName,
    /** @param {string} userId @returns {Session} */
    open(userId) {
      const session = { id: randomToken(), userId, csrfToken: randomToken() };
      sessions.set(session.id, session);
      return session;
    },
    /** @param {{ cookies: Map<string, string> }} ctx @returns {Session | undefined} */
    fromRequest(ctx) {
      const id = ctx.cookies.get(cookieName);
      return id === undefined ? undefined : sessions.get(id);
    },
    /** The `Set-Cookie` value that signs a browser in. @param {Session} session */
    setCookie(session) {
      return `${cookieName}=${session.id}; Path=/; HttpOnly; SameSite=Lax`;
    },
    /** The `Cookie` request header a test client sends. @param {Session} session */
    cookieHeader(session) {
      return `${cookieName}=${session.id}`;
    },
  };
}
