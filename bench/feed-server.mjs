/**
 * Serves the benchmark feed: one page in the demo intranet's markup (so the extension's demo adapter
 * recognises it) whose script, bench/feed-page.js, loads the posts batch by batch as the page is scrolled.
 */

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { html } from '../demo-intranet/render.mjs';
import { send, sendError, sendHtml } from '../demo-intranet/respond.mjs';
import { generateFeed, postsIn } from './feed-data.mjs';

/** @typedef {import('./feed-data.mjs').FeedPost} FeedPost */
/** @typedef {{ posts: FeedPost[], next: number | null }} FeedBatch */

/** The logged-in user the adapter reads from `a.current-user`. */
const CURRENT_USER = { id: 'mara.keller', name: 'Mara Keller' };

/**
 * @typedef {object} FeedServer
 * @property {string} url
 * @property {number} postCount every `article.post` the page shows once fully scrolled, replies included
 * @property {number} batchCount
 * @property {() => Promise<void>} close
 */

/**
 * Splits the feed into batches of `threadsPerBatch` top-level posts (with their replies).
 * @param {FeedPost[]} feed
 * @param {number} threadsPerBatch
 * @returns {FeedBatch[]}
 */
export function batchesOf(feed, threadsPerBatch) {
  /** @type {FeedBatch[]} */
  const batches = [];
  for (let start = 0; start < feed.length; start += threadsPerBatch) {
    const end = start + threadsPerBatch;
    batches.push({ posts: feed.slice(start, end), next: end < feed.length ? batches.length + 1 : null });
  }
  return batches;
}

function feedPage() {
  return html`<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Rueckenwind demo intranet">
<title>Neuigkeiten – Benchmark-Feed</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/intranet.css">
<script src="/assets/feed-page.js" defer></script>
</head>
<body>
<header class="site-header">
<a class="site-name" href="/">Intranet – Benchmark-Feed</a>
<a class="current-user" href="/people/${CURRENT_USER.id}" data-user-id="${CURRENT_USER.id}">${CURRENT_USER.name}</a>
</header>
<div class="page">
<h1>Neuigkeiten</h1>
<main id="feed" class="feed"></main>
<div id="feed-sentinel"></div>
</div>
</body>
</html>
`.toString();
}

/**
 * @param {{ postCount: number, threadsPerBatch: number, port?: number }} options port 0 picks a free port
 * @returns {Promise<FeedServer>}
 */
export async function startFeedServer({ postCount, threadsPerBatch, port = 0 }) {
  const feed = generateFeed({ count: postCount });
  // Serialised once up front: the server shares the machine's cores with the browser being measured.
  const batches = batchesOf(feed, threadsPerBatch).map((batch) => JSON.stringify(batch));
  const assets = new Map([
    [
      '/assets/intranet.css',
      {
        type: 'text/css; charset=utf-8',
        body: await readFile(new URL('../demo-intranet/public/intranet.css', import.meta.url)),
      },
    ],
    [
      '/assets/feed-page.js',
      {
        type: 'text/javascript; charset=utf-8',
        body: await readFile(new URL('./feed-page.js', import.meta.url)),
      },
    ],
  ]);
  const page = feedPage();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench.invalid');
    if (req.method !== 'GET') return sendError(res, 405, 'Method not allowed');
    if (url.pathname === '/') return sendHtml(res, 200, page);
    const asset = assets.get(url.pathname);
    if (asset) return send(res, 200, asset.type, asset.body);
    if (url.pathname === '/api/feed') {
      const batch = batches[Number(url.searchParams.get('batch') ?? '0')];
      if (batch === undefined) return sendError(res, 404, 'No such batch');
      return send(res, 200, 'application/json; charset=utf-8', batch);
    }
    return sendError(res, 404, 'Not found');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('Feed server: no TCP address');

  return {
    url: `http://127.0.0.1:${address.port}`,
    postCount: feed.reduce((sum, thread) => sum + postsIn(thread), 0),
    batchCount: batches.length,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
