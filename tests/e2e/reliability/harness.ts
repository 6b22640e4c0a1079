// What the reliability tests share: a demo intranet with a fault plan, thank-yous queued through the
// content script's own message, the service worker under control, and reading back what landed.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from '@playwright/test';
import type { Fault } from '../../../demo-intranet/faults.mjs';
import { type DemoIntranet, startDemoIntranet } from '../../../demo-intranet/server.mjs';
import { test as base, type ExtensionFixture } from '../support/fixtures';

/** A seeded random source, so a failing run can be repeated: RELIABILITY_SEED=<seed>. */
export function seededRandom(label: string): { seed: number; next: () => number } {
  const seed = Number(process.env.RELIABILITY_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`[${label}] random seed ${seed} (repeat with RELIABILITY_SEED=${seed})`);
  let state = seed >>> 0;
  // mulberry32
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return { seed, next };
}

/** An API request from the browser; `index` counts them from 1. */
export type ApiRecord = { index: number; at: number; method: string; path: string; fault?: Fault['kind'] };

/** The test's own reads carry this header: they are neither faulted nor counted. */
const READER = { 'x-reliability-reader': 'yes' };

/**
 * The demo intranet with a fault plan that the test can change while it runs; every API request from
 * the browser is logged.
 */
export async function startFaultyDemo() {
  const log: ApiRecord[] = [];
  let decide: (request: ApiRecord) => Fault | undefined = () => undefined;
  const demo: DemoIntranet = await startDemoIntranet({
    port: 0,
    faults: {
      decide({ at, method, path, headers }) {
        if (headers['x-reliability-reader'] === READER['x-reliability-reader']) return undefined;
        const request = { index: log.length + 1, at, method, path };
        const fault = decide(request);
        log.push(fault ? { ...request, fault: fault.kind } : request);
        return fault;
      },
    },
  });
  return {
    ...demo,
    log,
    setFaults(next: (request: ApiRecord) => Fault | undefined) {
      decide = next;
    },
  };
}
export type FaultyDemo = Awaited<ReturnType<typeof startFaultyDemo>>;

/** The extension's fixtures, with `demo` a faulty demo intranet started afresh for each test. */
export const test = base.extend<{ demo: FaultyDemo }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructured first argument.
  demo: async ({}, use) => {
    const demo = await startFaultyDemo();
    try {
      await use(demo);
    } finally {
      await demo.close();
    }
  },
});

/** The most requests that arrived within any window of `perMs` (a sliding window over arrival times). */
export function maxInWindow(times: number[], perMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while ((sorted[to] ?? 0) - (sorted[from] ?? 0) >= perMs) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

type ApiPost = { id: string; author: { id: string; name: string }; body: string; replies: ApiPost[] };

/** Top-level posts of the demo intranet, read through its API. */
export async function topLevelPosts(url: string): Promise<ApiPost[]> {
  const posts: ApiPost[] = [];
  for (let page: number | null = 1; page !== null; ) {
    const response = await fetch(`${url}/api/posts?page=${page}`, { headers: READER });
    const body = (await response.json()) as { posts: ApiPost[]; nextPage: number | null };
    posts.push(...body.posts);
    page = body.nextPage;
  }
  return posts;
}

/** How often each text appears as a post or reply by the signed-in user, read back through the API. */
export async function landedTexts(url: string): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const walk = (post: ApiPost) => {
    if (post.author.id === 'mara.keller') found.set(post.body, [...(found.get(post.body) ?? []), post.id]);
    for (const reply of post.replies) walk(reply);
  };
  for (const post of await topLevelPosts(url)) walk(post);
  return found;
}

/** How many of `texts` are in the demo's store right now (in-process: polling must not add API requests). */
export function countLanded(demo: DemoIntranet, texts: Set<string>): number {
  let count = 0;
  for (const post of demo.store.posts.values()) if (texts.has(post.body)) count++;
  return count;
}

export type Thanks = { postId: string; author: { id: string; name: string }; text: string };

/** `count` thank-yous with distinct texts, spread over the intranet's top-level posts not by the user. */
export async function plannedThanks(url: string, count: number, run: string): Promise<Thanks[]> {
  const posts = (await topLevelPosts(url)).filter((post) => post.author.id !== 'mara.keller');
  return Array.from({ length: count }, (_, i) => {
    const post = posts[i % posts.length] as ApiPost;
    return {
      postId: post.id,
      author: { id: post.author.id, name: post.author.name },
      text: `Danke, ${post.author.name}! (${run} #${i + 1})`,
    };
  });
}

/**
 * Saves thank-yous as the composer does: the content script's own `recognition.save` message, sent from
 * its isolated world in `page`. Hundreds through the composer would take minutes; the background
 * cannot tell the difference, and it is the background's outbox these tests are about.
 */
export async function queueThanks(extension: ExtensionFixture, page: Page, thanks: Thanks[]): Promise<void> {
  const cdp = await extension.context.newCDPSession(page);
  try {
    const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const extensionOrigin = `chrome-extension://${extension.extensionId}`;
    const world = contexts.findLast((c) => c.origin === extensionOrigin && c.auxData?.type === 'isolated');
    if (!world) throw new Error(`no content script of Rückenwind in ${page.url()}`);
    const origin = new URL(page.url()).origin;
    const messages = thanks.map((thank) => ({
      type: 'recognition.save',
      post: { host: 'demo', origin, postId: thank.postId, author: thank.author },
      from: { name: 'Mara Keller', id: 'mara.keller' },
      to: [{ name: thank.author.name, id: thank.author.id }],
      message: thank.text,
      postedText: thank.text,
    }));
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression: `Promise.all(${JSON.stringify(messages)}.map((m) => chrome.runtime.sendMessage(m)))`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`queueing failed: ${exceptionDetails.text}`);
    const replies = result.value as Array<{ ok: boolean }>;
    const refused = replies.filter((reply) => !reply.ok);
    if (refused.length > 0) throw new Error(`the background refused: ${JSON.stringify(refused[0])}`);
  } finally {
    await cdp.detach();
  }
}

type OutboxRow = {
  id: string;
  recordId: string;
  state: 'pending' | 'inflight' | 'done' | 'failed';
  attempts: number;
  lastError?: string;
  uncertainSince?: number;
};

/**
 * A page of the extension's own origin that reads its IndexedDB. Unlike the service worker it survives
 * the worker being killed, and reading wakes nothing.
 */
export async function openDbReader(extension: ExtensionFixture) {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/manifest.json`);
  const read = <T>(store: string) =>
    page.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('rueckenwind');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        const request = db.transaction(name, 'readonly').objectStore(name).getAll();
        return await new Promise<unknown[]>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      } finally {
        db.close();
      }
    }, store) as Promise<T[]>;
  return {
    page,
    outbox: () => read<OutboxRow>('outbox'),
    doneCount: async () => (await read<OutboxRow>('outbox')).filter((item) => item.state === 'done').length,
    recognitions: () =>
      read<{ id: string; postedText: string; sync: { state: string; remoteId?: string } }>('recognitions'),
  };
}

/** Stops and watches the extension's service worker through the DevTools protocol. */
export async function workerControl(extension: ExtensionFixture, page: Page) {
  const cdp: CDPSession = await extension.context.newCDPSession(page);
  let status = 'unknown';
  let starts = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(`chrome-extension://${extension.extensionId}/`)) continue;
      if (version.runningStatus === 'running' && status !== 'running') starts++;
      status = version.runningStatus;
    }
  });
  await cdp.send('ServiceWorker.enable');
  const target = async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.find(
      (info) =>
        info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${extension.extensionId}/`),
    );
  };
  return {
    status: () => status,
    starts: () => starts,
    /** `Target.closeTarget` on the worker: Chrome stops it at once, whatever it was doing. */
    async kill(): Promise<boolean> {
      const worker = await target();
      if (!worker) return false;
      await cdp.send('Target.closeTarget', { targetId: worker.targetId });
      return true;
    },
  };
}

/** The built extension the fixtures load, for tests that launch the browser themselves. */
export const EXTENSION_DIR = join(
  process.env.RUECKENWIND_OUT_DIR ?? fileURLToPath(new URL('../../../.output', import.meta.url)),
  'chrome-mv3',
);
