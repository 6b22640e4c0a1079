import { clickByRole, waitForRole } from '../../../scripts/lib/closed-shadow.mjs';
import { expect } from '../support/fixtures';
import { countLanded, landedTexts, openDbReader, plannedThanks, queueThanks, test } from './harness';

/** The first write of each thank-you is committed by the host, whose answer then never arrives. */
const LOST = 10;

test('the intranet takes a write but its answer is lost: the thank-you is found there, not posted again', async ({
  extension,
  demo,
}) => {
  test.setTimeout(120_000);
  let writes = 0;
  demo.setFaults(({ method }) => {
    if (method !== 'POST') return undefined;
    writes += 1;
    return writes <= LOST ? { kind: 'lose-response' } : undefined;
  });
  const tab = await extension.context.newPage();
  await tab.goto(demo.url);
  const reader = await openDbReader(extension);

  // One through the composer, as a user does it...
  const author =
    (await tab.locator('article.post > header > a.post-author').first().textContent())?.trim() ?? '';
  const typed = 'Danke, dass du die Antwort nicht verloren hast!';
  await clickByRole(tab, 'button', `Thank ${author} for this post`);
  await waitForRole(tab, 'dialog', 'Say thank you');
  await tab.keyboard.type(typed);
  await clickByRole(tab, 'button', 'Save thank-you');
  const savedAt = Date.now();
  // ...and the rest the same way the composer sends them.
  const others = await plannedThanks(demo.url, LOST - 1, 'lost-response');
  await queueThanks(extension, tab, others);

  const texts = new Set([...others.map((thank) => thank.text)]);
  await expect.poll(async () => (await reader.recognitions()).length).toBe(LOST);
  const posted = (await reader.recognitions()).map((rec) => rec.postedText);
  for (const text of posted) texts.add(text);
  // Every first write reached the intranet, and every answer was lost.
  await expect.poll(() => countLanded(demo, texts), { timeout: 10_000 }).toBe(LOST);

  await waitForRole(tab, 'button', `You thanked ${author} for this post; it was sent. Thank again`, {
    timeout: 90_000,
  });
  await expect
    .poll(reader.doneCount, {
      timeout: 90_000,
      intervals: [1_000],
    })
    .toBe(LOST);
  const sentAfterMs = Date.now() - savedAt;

  const landed = await landedTexts(demo.url);
  const copies = posted.map((text) => landed.get(text)?.length ?? 0);
  const postCount = demo.log.filter((request) => request.method === 'POST').length;
  const lookups = demo.log.filter((request) => request.path === '/api/me').length;
  console.log(
    [
      `[lost-response] ${LOST} thank-yous, the answer to each first write lost after the intranet stored it`,
      `[lost-response] ${postCount} POST requests in all; ${lookups} looks for an earlier write; all marked sent after ${(sentAfterMs / 1000).toFixed(1)} s`,
      `[lost-response] on the intranet: ${copies.filter((n) => n === 1).length} exactly once, ${copies.filter((n) => n === 0).length} missing, ${copies.filter((n) => n > 1).length} duplicated`,
    ].join('\n'),
  );
  expect(copies).toEqual(posted.map(() => 1));
  expect(postCount).toBe(LOST);
  for (const rec of await reader.recognitions()) {
    expect(rec.sync.state).toBe('sent');
    expect(landed.get(rec.postedText)).toEqual([rec.sync.remoteId]);
  }
});
