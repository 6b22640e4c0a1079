import { HOST_LIMITS } from '../../../lib/sync/engine';
import { expect } from '../support/fixtures';
import {
  countLanded,
  landedTexts,
  maxInWindow,
  openDbReader,
  plannedThanks,
  queueThanks,
  seededRandom,
  test,
  workerControl,
} from './harness';

const WRITES = 200;
const KILLS = 20;

test(`${WRITES} queued thank-yous, the service worker killed ${KILLS} times while they drain: each lands exactly once`, async ({
  extension,
  demo,
}) => {
  test.setTimeout(240_000);
  const random = seededRandom('kill-worker');
  // Two tabs of the intranet: the deliveries go through either; the second is reloaded after each kill,
  // as a user clicking on, which wakes the worker (any event would) and may tear a delivery in half.
  const tab = await extension.context.newPage();
  await tab.goto(demo.url);
  const otherTab = await extension.context.newPage();
  await otherTab.goto(`${demo.url}/about`);
  const reader = await openDbReader(extension);
  const worker = await workerControl(extension, tab);

  const thanks = await plannedThanks(demo.url, WRITES, 'kill-worker');
  const texts = new Set(thanks.map((thank) => thank.text));
  const queuedAt = Date.now();
  await queueThanks(extension, tab, thanks);

  const kills: Array<{ atMs: number; landed: number }> = [];
  while (kills.length < KILLS) {
    // The 20 moments fit well inside the drain, which the rate limit stretches over 20 s at least.
    await expect.poll(worker.status, { timeout: 30_000, intervals: [25] }).toBe('running');
    await tab.waitForTimeout(100 + random.next() * 600);
    const landed = countLanded(demo, texts);
    // Every kill must fall inside the drain, not after it.
    expect(landed).toBeLessThan(WRITES);
    expect(await worker.kill()).toBe(true);
    kills.push({ atMs: Date.now() - queuedAt, landed });
    await expect.poll(worker.status, { timeout: 10_000, intervals: [25] }).toBe('stopped');
    await otherTab.reload();
  }

  await expect
    .poll(reader.doneCount, {
      timeout: 150_000,
      intervals: [1_000],
    })
    .toBe(WRITES);
  const drainedMs = Date.now() - queuedAt;

  const landed = await landedTexts(demo.url);
  const copies = thanks.map((thank) => landed.get(thank.text)?.length ?? 0);
  const outbox = await reader.outbox();
  const recognitions = await reader.recognitions();
  const writes = demo.log.filter((request) => request.method === 'POST').length;
  // Each new worker remembers what the dead one sent (storage.session): no burst over the limit.
  const limit = HOST_LIMITS.demo;
  if (!limit) throw new Error('the demo intranet has no documented limit in HOST_LIMITS');
  const maxWrites = maxInWindow(
    demo.log.filter((request) => request.method === 'POST').map((request) => request.at),
    limit.perMs,
  );
  // A look for an earlier write starts by asking who is signed in.
  const lookups = demo.log.filter((request) => request.path === '/api/me').length;
  console.log(
    [
      `[kill-worker] ${WRITES} thank-yous queued, worker killed ${kills.length} times at ${kills
        .map((kill) => `${(kill.atMs / 1000).toFixed(1)} s (${kill.landed} landed)`)
        .join(', ')}`,
      `[kill-worker] worker started ${worker.starts()} times; all ${WRITES} sent after ${(drainedMs / 1000).toFixed(1)} s`,
      `[kill-worker] on the intranet: ${copies.filter((n) => n === 1).length} exactly once, ${copies.filter((n) => n === 0).length} missing, ${copies.filter((n) => n > 1).length} duplicated`,
      `[kill-worker] max writes in any ${limit.perMs} ms, across all worker lives: ${maxWrites} (documented limit ${limit.requests})`,
      `[kill-worker] ${writes} POST requests, ${demo.log.length - writes} GET requests; ${lookups} times an item left uncertain by a kill was looked for before sending again`,
    ].join('\n'),
  );

  expect(copies.filter((n) => n !== 1)).toEqual([]);
  expect(maxWrites).toBeLessThanOrEqual(limit.requests);
  expect(outbox.every((item) => item.state === 'done')).toBe(true);
  // Each record names the reply that carries it.
  for (const rec of recognitions) expect(landed.get(rec.postedText)).toEqual([rec.sync.remoteId]);
});
