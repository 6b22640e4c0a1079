/** Routes a request to the API, an asset or an HTML page. */

import { createApi } from './api.mjs';
import { sendAsset } from './assets.mjs';
import { withFaults } from './faults.mjs';
import {
  renderAboutPage,
  renderFeedPage,
  renderNotFoundPage,
  renderPostPage,
  renderProfilePage,
} from './render.mjs';
import { sendError, sendHtml, sendMethodNotAllowed } from './respond.mjs';

/**
 * @typedef {import('node:http').IncomingMessage} IncomingMessage
 * @typedef {import('node:http').ServerResponse} ServerResponse
 * @typedef {import('./store.mjs').Store} Store
 * @typedef {import('./api.mjs').Sessions} Sessions
 * @typedef {import('./faults.mjs').FaultPlan} FaultPlan
 */

/**
 * @param {{ store: Store, sessions: Sessions, faults?: FaultPlan | undefined }} deps `faults` only in tests
 * @returns {{ handleRequest: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>, stop: () => void }}
 */
export function createRequestHandler({ store, sessions, faults }) {
  const { handleApi, stop } = withFaults(createApi({ store, sessions }), faults);

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {URL} url
   */
  function handlePage(req, res, url) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendMethodNotAllowed(res, ['GET', 'HEAD']);
    const session = sessions.ensure(req, res);
    const context = { csrfToken: session.csrfToken, me: store.users.get(session.userId) };
    /** @param {string} message */
    const notFound = (message) => sendHtml(res, 404, renderNotFoundPage(message, context));
    const path = url.pathname;

    if (path === '/') return sendHtml(res, 200, renderFeedPage(store, context));
    if (path === '/about') return sendHtml(res, 200, renderAboutPage(context));

    const postId = /^\/posts\/(\d+)$/.exec(path)?.[1];
    if (postId !== undefined) {
      const post = store.getPost(postId);
      if (!post) return notFound('Diesen Beitrag gibt es nicht (mehr).');
      // A reply's permalink shows its whole thread, scrolled to the reply.
      const root = store.rootOf(post);
      if (root !== post) {
        res.statusCode = 302;
        res.setHeader('Location', `/posts/${root.id}#post-${post.id}`);
        return res.end();
      }
      return sendHtml(res, 200, renderPostPage(store, post, context));
    }

    const personId = /^\/people\/([a-z.]+)$/.exec(path)?.[1];
    const person = personId === undefined ? undefined : store.users.get(personId);
    if (person) return sendHtml(res, 200, renderProfilePage(person, context));
    if (personId !== undefined) return notFound('Diese Person gibt es hier nicht.');

    return notFound('Diese Seite gibt es nicht.');
  }

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   */
  async function handleRequest(req, res) {
    try {
      // The base only completes the relative request target; the Host header is never trusted.
      const url = new URL(req.url ?? '/', 'http://demo.invalid');
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return await handleApi(req, res, url);
      if (url.pathname.startsWith('/assets/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return sendMethodNotAllowed(res, ['GET', 'HEAD']);
        return await sendAsset(res, url.pathname.slice('/assets/'.length));
      }
      return handlePage(req, res, url);
    } catch (error) {
      console.error('Demo intranet: request failed', error);
      if (!res.headersSent) sendError(res, 500, 'Internal error');
      else res.destroy();
    }
  }
  return { handleRequest, stop };
}
