import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../../../scripts/lib/launch-extension.mjs';
import { expect } from '../support/fixtures';
import {
  countLanded,
  EXTENSION_DIR,
  landedTexts,
  openDbReader,
  plannedThanks,
  queueThanks,
  test,
} from './harness';

const WRITES = 20;

let profile: string;
test.beforeEach(async () => {
  profile = await mkdtemp(join(tmpdir(), 'rueckenwind-restart-'));
});
test.afterEach(async () => {
  await rm(profile, { recursive: true, force: true });
});

test('the browser restarts with thank-yous still waiting: they are sent after the restart, each once', async ({
  demo,
}) => {
  test.setTimeout(120_000);
  // The intranet is down (503) before the restart, so nothing gets through.
  let down = true;
  demo.setFaults(({ method }) => (down && method === 'POST' ? { kind: 'status', status: 503 } : undefined));

  const before = await launchWithExtension({ extensionDir: EXTENSION_DIR, userDataDir: profile });
  const thanks = await plannedThanks(demo.url, WRITES, 'browser-restart');
  const texts = new Set(thanks.map((thank) => thank.text));
  try {
    const tab = await before.context.newPage();
    await tab.goto(demo.url);
    await queueThanks(before, tab, thanks);
    const reader = await openDbReader(before);
    // Each was tried and refused at least once and waits for its next attempt. The browser closes only
    // then: an item caught in flight would rightly wait out its lost attempt (about a minute) first.
    await expect
      .poll(
        async () =>
          (await reader.outbox()).filter((item) => item.state === 'pending' && item.attempts >= 1).length,
        { timeout: 30_000, intervals: [100] },
      )
      .toBe(WRITES);
  } finally {
    await before.context.close();
  }
  expect(countLanded(demo, texts)).toBe(0);

  down = false;
  const restartedAt = Date.now();
  const after = await launchWithExtension({ extensionDir: EXTENSION_DIR, userDataDir: profile });
  try {
    // No tab of the intranet yet: the popup says what waits, and for what.
    const popup = await after.context.newPage();
    await expect(async () => {
      await popup.goto(`chrome-extension://${after.extensionId}/popup.html`);
      await expect(popup.locator('[data-sync="pending"]')).toHaveText(
        `Waiting to be sent: ${WRITES} They are sent when a tab of that intranet is open.`,
        { timeout: 1_000 },
      );
    }).toPass({ timeout: 30_000 });

    const tab = await after.context.newPage();
    const tabOpenedAt = Date.now();
    await tab.goto(demo.url);
    await expect.poll(() => countLanded(demo, texts), { timeout: 60_000, intervals: [500] }).toBe(WRITES);
    const landedAt = Date.now();
    const reader = await openDbReader(after);
    await expect.poll(reader.doneCount).toBe(WRITES);

    const landed = await landedTexts(demo.url);
    const copies = thanks.map((thank) => landed.get(thank.text)?.length ?? 0);
    console.log(
      [
        `[browser-restart] ${WRITES} thank-yous waiting (each refused once with 503) when the browser closed`,
        `[browser-restart] after the restart: all sent ${((landedAt - restartedAt) / 1000).toFixed(1)} s after start, ${((landedAt - tabOpenedAt) / 1000).toFixed(1)} s after a tab of the intranet opened`,
        `[browser-restart] on the intranet: ${copies.filter((n) => n === 1).length} exactly once, ${copies.filter((n) => n === 0).length} missing, ${copies.filter((n) => n > 1).length} duplicated`,
      ].join('\n'),
    );
    expect(copies).toEqual(thanks.map(() => 1));
    await popup.reload();
    await expect(popup.locator('[data-sync="pending"]')).toHaveCount(0);
  } finally {
    await after.context.close();
  }
});
