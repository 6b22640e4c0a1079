/**
 * `npm run bench`: the first speed benchmark (issue 3 §5). A generated feed of 5,000 posts grows by infinite
 * scroll in real Chromium, once without and once with the built extension; the results go to
 * bench-results.json and a table. A measurement, not a test: it exits 0 whatever the figures, and 1 only
 * when it could not measure.
 *
 * `RUECKENWIND_OUT_DIR=/tmp/bench-build npm run bench` keeps its build apart from others' in the same tree;
 * `node bench/run.mjs --extension <dir> --out <file>` measures another build (say, an experiment built
 * elsewhere) without touching the default results.
 */

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { countInClosedShadowRoots } from '../scripts/lib/closed-shadow.mjs';
import { findChromium } from '../scripts/lib/find-chromium.mjs';
import { launchWithExtension } from '../scripts/lib/launch-extension.mjs';
import { startFeedServer } from './feed-server.mjs';
import { contentScriptsFor } from './manifest.mjs';
import { measurePopupFirstRender, POPUP_TARGET_MS, popupFirstRenderRow } from './popup-first-render.mjs';
import {
  cumulativeShift,
  distribution,
  formatTable,
  injectLatencies,
  rowsOf,
  shiftsTouchingUs,
  TARGETS,
} from './report.mjs';
import {
  CONTENT_SCRIPT_DIR,
  everyContentScript,
  formatSizes,
  largest,
  ON_DEMAND_SCRIPTS,
  sizeOf,
} from './script-sizes.mjs';

/** @typedef {import('./feed-page.js').FeedBench} FeedBench */
/** @typedef {import('./feed-page.js').FeedResults} FeedResults */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */

const POST_COUNT = 5_000;
/** Top-level posts per scroll step; with their replies about 35 posts. */
const THREADS_PER_BATCH = 25;
const STEP_TIMEOUT_MS = 10_000;
/** How long the "with" run waits after the last batch for buttons still being mounted. */
const SETTLE_TIMEOUT_MS = 5_000;
const HOST_TAG = 'rueckenwind-post-actions';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where `wxt build` put the extension: wxt.config.ts honours RUECKENWIND_OUT_DIR, and so do we. */
const DEFAULT_EXTENSION_DIR = resolve(ROOT, process.env.RUECKENWIND_OUT_DIR ?? '.output', 'chrome-mv3');
const DEFAULT_RESULTS_FILE = fileURLToPath(new URL('../bench-results.json', import.meta.url));

/** The same flags launchWithExtension uses (scripts/lib/launch-extension.mjs), so both runs start alike. */
const CLOSED_NETWORK_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Main-thread time of the page's renderer, in ms (CDP reports seconds). */
const METRICS = {
  scriptMs: 'ScriptDuration',
  taskMs: 'TaskDuration',
  layoutMs: 'LayoutDuration',
  recalcStyleMs: 'RecalcStyleDuration',
  v8CompileMs: 'V8CompileDuration',
};

/**
 * @typedef {object} ButtonCheck
 * @property {number} posts `article.post` elements in the page
 * @property {number} hosts our host elements in the page
 * @property {number} wrongCount posts without exactly one host as the last child of their own footer
 * @property {{ postId: string, hosts: number, last: boolean }[]} wrong the first few of them
 */

/**
 * @typedef {object} RunResult
 * @property {Record<keyof typeof METRICS, number>} metrics
 * @property {FeedResults} feed
 * @property {ButtonCheck} buttons
 * @property {number} closedShadowButtons
 * @property {number} scrollSteps
 * @property {number} durationMs
 * @property {string} chromiumVersion
 */

/** @param {string} message @returns {never} */
function fail(message) {
  throw new Error(message);
}

/**
 * @param {string | undefined} extensionDir undefined: a plain Chromium without any extension
 * @returns {Promise<BrowserContext>}
 */
async function launch(extensionDir) {
  if (extensionDir) return (await launchWithExtension({ extensionDir, locale: 'en' })).context;
  const args = ['--lang=en', ...CLOSED_NETWORK_FLAGS];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return chromium.launchPersistentContext('', {
    executablePath: findChromium(),
    headless: true,
    args,
    locale: 'en',
  });
}

/**
 * One run: load the feed, scroll until every batch is in, collect what the page and CDP measured.
 * @param {string} url
 * @param {number} postCount
 * @param {string | undefined} extensionDir undefined: the run without the extension
 * @returns {Promise<RunResult>}
 */
async function measureRun(url, postCount, extensionDir) {
  const started = performance.now();
  const withExtension = extensionDir !== undefined;
  const context = await launch(extensionDir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const session = await context.newCDPSession(page);
    // threadTicks: the main thread's own CPU time, so the other processes on 2 cores blur it less.
    // Enabled before navigating, the counters cover the feed document from its start, content script included.
    await session.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url);
    // The page's measurement API (bench/feed-page.js); its defer script has run once goto returns.
    const bench = /** @type {import('playwright-core').JSHandle<FeedBench>} */ (
      await page.evaluateHandle(() => Reflect.get(window, 'feedBench'))
    );
    await page.waitForFunction((api) => api.postCount() > 0, bench, { polling: 50 });

    let scrollSteps = 0;
    for (let done = false; !done; scrollSteps++) {
      done = await bench.evaluate(async (api, timeoutMs) => {
        const appended = api.nextBatch(timeoutMs);
        window.scrollTo(0, document.documentElement.scrollHeight);
        await appended;
        // Two frames, as a reader pauses between scrolls: an extension that batches its work to animation
        // frames has mounted this batch before the next one arrives.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return api.done();
      }, STEP_TIMEOUT_MS);
    }
    if (withExtension) {
      // A shortfall is reported below as missing buttons, not as a failed measurement.
      await page
        .waitForFunction(
          ([api, count]) => api.mountedCount() >= count,
          /** @type {const} */ ([bench, postCount]),
          {
            polling: 100,
            timeout: SETTLE_TIMEOUT_MS,
          },
        )
        .catch(() => undefined);
    }
    const { metrics } = await session.send('Performance.getMetrics');
    const millis = (/** @type {string} */ name) =>
      round(
        (metrics.find((metric) => metric.name === name)?.value ?? fail(`CDP reported no ${name}`)) * 1000,
        1,
      );

    const feed = await bench.evaluate((api) => api.results());
    const buttons = await page.evaluate(checkButtons, HOST_TAG);
    const closedShadowButtons = withExtension ? await countInClosedShadowRoots(page, 'button.thank') : 0;
    const { product } = await session.send('Browser.getVersion');
    return {
      metrics: {
        scriptMs: millis(METRICS.scriptMs),
        taskMs: millis(METRICS.taskMs),
        layoutMs: millis(METRICS.layoutMs),
        recalcStyleMs: millis(METRICS.recalcStyleMs),
        v8CompileMs: millis(METRICS.v8CompileMs),
      },
      feed,
      buttons,
      closedShadowButtons,
      scrollSteps,
      durationMs: performance.now() - started,
      chromiumVersion: product,
    };
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page: every post must carry exactly one host element of its own (not counting its replies'),
 * as the last child of its action footer.
 * @param {string} hostTag
 * @returns {ButtonCheck}
 */
function checkButtons(hostTag) {
  const posts = document.querySelectorAll('article.post[data-post-id]');
  /** @type {ButtonCheck['wrong']} */
  const wrong = [];
  let wrongCount = 0;
  for (const post of posts) {
    const own = Array.from(post.querySelectorAll(hostTag)).filter(
      (host) => host.closest('article.post[data-post-id]') === post,
    );
    const last =
      own[0] !== undefined && post.querySelector(':scope > footer.post-actions')?.lastElementChild === own[0];
    if (own.length === 1 && last) continue;
    wrongCount += 1;
    if (wrong.length < 10)
      wrong.push({ postId: post.getAttribute('data-post-id') ?? '', hosts: own.length, last });
  }
  return { posts: posts.length, hosts: document.querySelectorAll(hostTag).length, wrongCount, wrong };
}

/**
 * performance.now() is coarsened to 0.1 ms in pages anyway; more digits would be noise.
 * @param {number} value
 * @param {number} digits
 */
const round = (value, digits) => Number(value.toFixed(digits));

/** @param {string[]} args */
function git(args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

async function main() {
  const started = performance.now();
  const { values } = parseArgs({
    options: {
      extension: { type: 'string', default: DEFAULT_EXTENSION_DIR },
      out: { type: 'string', default: DEFAULT_RESULTS_FILE },
    },
  });
  const extensionDir = resolve(values.extension);
  const resultsFile = resolve(values.out);
  const manifestFile = `${extensionDir}/manifest.json`;
  if (!existsSync(manifestFile)) {
    fail(
      `No built extension at ${extensionDir}: run \`npm run bench\` (it builds first) or \`npm run build\`.`,
    );
  }

  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const server = await startFeedServer({ postCount: POST_COUNT, threadsPerBatch: THREADS_PER_BATCH });
  const scriptFiles = contentScriptsFor(manifest, new URL(server.url));
  if (scriptFiles.length === 0) {
    await server.close();
    fail(`The manifest in ${extensionDir} injects no content script into ${server.url}/.`);
  }
  // Every adapter's script, not only the one the benchmark page gets: the largest is the figure.
  const contentScripts = everyContentScript(
    manifest,
    readdirSync(`${extensionDir}/${CONTENT_SCRIPT_DIR}`),
  ).map((file) => ({
    file,
    ...sizeOf(readFileSync(`${extensionDir}/${file}`)),
    inBenchmarkPage: scriptFiles.includes(file),
  }));
  const largestContentScript = largest(contentScripts);
  const contentScriptGzipBytes = largestContentScript.gzipBytes;
  const onDemandScripts = ON_DEMAND_SCRIPTS.filter((file) => existsSync(`${extensionDir}/${file}`)).map(
    (file) => ({ file, ...sizeOf(readFileSync(`${extensionDir}/${file}`)) }),
  );

  /** @type {RunResult} */
  let without;
  /** @type {RunResult} */
  let withExtension;
  try {
    console.log(`Feed: ${server.postCount} posts in ${server.batchCount} batches at ${server.url}/`);
    console.log(`Content script in the benchmark page: ${scriptFiles.join(', ')}`);
    without = await measureRun(`${server.url}/`, server.postCount, undefined);
    console.log(`Run without the extension: ${(without.durationMs / 1000).toFixed(1)} s`);
    withExtension = await measureRun(`${server.url}/`, server.postCount, extensionDir);
    console.log(`Run with the extension: ${(withExtension.durationMs / 1000).toFixed(1)} s`);
  } finally {
    await server.close();
  }
  const popupFirstRender = await measurePopupFirstRender(extensionDir);
  console.log(`Popup on ${popupFirstRender.records} records: ${popupFirstRender.runsMs.length} openings`);
  for (const run of [without, withExtension]) {
    if (run.buttons.posts !== server.postCount) {
      fail(
        `The page showed ${run.buttons.posts} posts instead of ${server.postCount}: the feed did not load.`,
      );
    }
  }

  const { latencies, missing } = injectLatencies(withExtension.feed.insertedAt, withExtension.feed.mountedAt);
  if (latencies.length === 0)
    fail('No button appeared in any post: is the extension built, and enabled for 127.0.0.1?');
  const latency = distribution(latencies);
  const cls = {
    with: cumulativeShift(withExtension.feed.shifts),
    without: cumulativeShift(without.feed.shifts),
  };
  const scriptingOverheadRatio = withExtension.metrics.scriptMs / without.metrics.scriptMs;
  const buttonsEqualPosts =
    missing.length === 0 &&
    withExtension.buttons.wrongCount === 0 &&
    withExtension.closedShadowButtons === server.postCount;

  const headline = {
    contentScriptGzipBytes,
    injectLatencyP95Ms: latency.p95,
    scriptingOverheadRatio,
    layoutShift: Math.max(0, cls.with - cls.without),
    buttonsEqualPosts,
  };
  const rows = [...rowsOf(headline), popupFirstRenderRow(popupFirstRender)];
  const results = {
    ...headline,
    // Judged above on the unrounded figures; rounded here for reading.
    injectLatencyP95Ms: round(latency.p95, 1),
    scriptingOverheadRatio: round(scriptingOverheadRatio, 3),
    popupFirstRenderMs: popupFirstRender.medianMs,
    date: new Date().toISOString(),
    gitCommit: git(['rev-parse', 'HEAD']) ?? null,
    // Others may be editing the tree while this runs: say whether the build may differ from the commit.
    gitDirty: (git(['status', '--porcelain']) ?? '') !== '',
    chromiumVersion: withExtension.chromiumVersion,
    postCount: server.postCount,
    batches: server.batchCount,
    largestContentScript: largestContentScript.file,
    contentScripts,
    onDemandScripts,
    injectLatencyMs: {
      p50: round(latency.p50, 1),
      p95: round(latency.p95, 1),
      max: round(latency.max, 1),
      posts: latency.count,
      missing: missing.length,
    },
    scriptingMs: { with: withExtension.metrics, without: without.metrics },
    cls,
    layoutShiftSourcesOnUs: shiftsTouchingUs(withExtension.feed.shifts),
    buttons: {
      postsInPage: withExtension.buttons.posts,
      hostElements: withExtension.buttons.hosts,
      postsWithoutExactlyOneLastButton: withExtension.buttons.wrongCount,
      examples: withExtension.buttons.wrong,
      buttonsInClosedShadowRoots: withExtension.closedShadowButtons,
    },
    timings: {
      withoutRunMs: Math.round(without.durationMs),
      withRunMs: Math.round(withExtension.durationMs),
      scrollSteps: withExtension.scrollSteps,
      totalMs: Math.round(performance.now() - started),
    },
    popupFirstRender,
    targets: { ...TARGETS, popupFirstRenderMs: POPUP_TARGET_MS },
    pass: Object.fromEntries(rows.map((row) => [row.key, row.pass])),
  };
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

  console.log('');
  console.log(formatTable(rows));
  console.log('');
  console.log(
    formatSizes(
      [
        ...contentScripts,
        ...onDemandScripts.map((script) => ({ ...script, note: 'on first use, not counted' })),
      ],
      TARGETS.contentScriptGzipBytes,
    ),
  );
  console.log('');
  console.log(
    `inject latency p50 ${latency.p50.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms over ${latency.count} posts; ` +
      `scripting ${withExtension.metrics.scriptMs.toFixed(0)} ms with, ${without.metrics.scriptMs.toFixed(0)} ms without; ` +
      `CLS ${cls.with.toFixed(4)} with, ${cls.without.toFixed(4)} without`,
  );
  console.log(
    `${results.chromiumVersion}, commit ${results.gitCommit ?? '?'}${results.gitDirty ? ' (dirty tree)' : ''}`,
  );
  console.log(`Written to ${resultsFile}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
