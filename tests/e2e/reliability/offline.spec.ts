import { expect } from '../support/fixtures';
import { countLanded, landedTexts, openDbReader, plannedThanks, queueThanks, test } from './harness';

const WRITES = 20;
const OFFLINE_MS = 35_000;
/** The background's periodic alarm (entrypoints/background.ts). */
const ALARM_PERIOD_MS = 60_000;

test('offline for a while, then online again: the queue drains within one alarm period', async ({
  extension,
  demo,
}) => {
  test.setTimeout(180_000);
  const tab = await extension.context.newPage();
  await tab.goto(demo.url);
  const reader = await openDbReader(extension);
  // The page transport writes from the intranet's tab, so that tab's network is what goes away.
  const network = await extension.context.newCDPSession(tab);
  await network.send('Network.enable');
  const conditions = { latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
  await network.send('Network.emulateNetworkConditions', { ...conditions, offline: true });

  const thanks = await plannedThanks(demo.url, WRITES, 'offline');
  const texts = new Set(thanks.map((thank) => thank.text));
  const offlineAt = Date.now();
  await queueThanks(extension, tab, thanks);
  // Every one is tried while offline and fails; none is given up.
  await expect
    .poll(async () => (await reader.outbox()).filter((item) => item.attempts >= 1).length, {
      timeout: 30_000,
    })
    .toBe(WRITES);
  await tab.waitForTimeout(Math.max(0, OFFLINE_MS - (Date.now() - offlineAt)));
  const whileOffline = await reader.outbox();
  expect(whileOffline.every((item) => item.state === 'pending')).toBe(true);
  expect(countLanded(demo, texts)).toBe(0);
  const failedAttempts = whileOffline.reduce((sum, item) => sum + item.attempts, 0);

  await network.send('Network.emulateNetworkConditions', { ...conditions, offline: false });
  const onlineAt = Date.now();
  await expect
    .poll(() => countLanded(demo, texts), { timeout: ALARM_PERIOD_MS + 30_000, intervals: [500] })
    .toBe(WRITES);
  const drainedMs = Date.now() - onlineAt;

  const landed = await landedTexts(demo.url);
  const copies = thanks.map((thank) => landed.get(thank.text)?.length ?? 0);
  console.log(
    [
      `[offline] ${WRITES} thank-yous saved while offline; offline for ${((onlineAt - offlineAt) / 1000).toFixed(1)} s, ${failedAttempts} failed attempts meanwhile, none given up`,
      `[offline] back online: all sent after ${(drainedMs / 1000).toFixed(1)} s (one alarm period: ${ALARM_PERIOD_MS / 1000} s)`,
      `[offline] on the intranet: ${copies.filter((n) => n === 1).length} exactly once, ${copies.filter((n) => n === 0).length} missing, ${copies.filter((n) => n > 1).length} duplicated`,
    ].join('\n'),
  );
  expect(drainedMs).toBeLessThan(ALARM_PERIOD_MS);
  expect(copies).toEqual(thanks.map(() => 1));
});
