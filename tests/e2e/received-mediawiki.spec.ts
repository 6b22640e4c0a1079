// Thanks to the user come back in: on a real MediaWiki 1.39 (tests/hosts/mediawiki/), another user answers
// the signed-in user's talk-page comment with an indented, signed "Danke …", and Rückenwind counts it as
// received, once.
import { waitForRole } from '../../scripts/lib/closed-shadow.mjs';
import { appendAs } from '../hosts/mediawiki/edit-as.mjs';
import { TALK_PAGE } from '../hosts/mediawiki/seed.mjs';
import type { RunningMediaWiki } from '../hosts/mediawiki/start.mjs';
import { test as base, expect } from './support/fixtures';
import { logInToMediaWiki, mediawikiWorker } from './support/mediawiki';
import { enableThroughPopup, openPopupFor } from './support/popup';
import { receivedThanks, stopServiceWorker } from './support/received';

const test = base.extend<object, { mediawiki: RunningMediaWiki }>({
  mediawiki: mediawikiWorker(),
});

const TALK_URL_PATH = `/index.php/${TALK_PAGE.title.replaceAll(' ', '_')}`;
const [ROLLBACK, FREEZE] = TALK_PAGE.sections.map((section) => section.heading.replaceAll(' ', '_'));

test('a colleague’s indented “Danke” under the user’s comment is counted as thanks received, exactly once', async ({
  extension,
  mediawiki,
}) => {
  // Bob answers Mara's question in the first section (under his own earlier, pinging but thankless reply).
  await appendAs(mediawiki, 'Bob', {
    title: TALK_PAGE.title,
    section: 1,
    appendtext: '\n::Danke, Mara – ohne deine Frage hätten wir den Link nie gesetzt. ~~~~',
    summary: 'Antwort an Mara',
  });

  const page = await extension.context.newPage();
  await logInToMediaWiki(page, mediawiki, 'Mara');
  await page.goto(`${mediawiki.url}${TALK_URL_PATH}`);
  await enableThroughPopup(extension, page);

  const fromBob = {
    direction: 'received',
    from: { name: 'Bob', id: 'Bob' },
    to: [{ name: 'Mara', id: 'Mara' }],
    post: {
      host: 'mediawiki',
      origin: mediawiki.url,
      postId: 'c-Mara-08:30, 17 November 2026 (UTC)',
      permalink: `${mediawiki.url}${TALK_URL_PATH}#${ROLLBACK}`,
      author: { name: 'Mara', id: 'Mara' },
    },
    message: 'Danke, Mara – ohne deine Frage hätten wir den Link nie gesetzt.',
    sync: { state: 'local', remoteId: expect.stringMatching(/^c-Bob-\d\d:\d\d, \d+ \w+ \d{4} \(UTC\)$/) },
  };
  await expect.poll(() => receivedThanks(extension)).toMatchObject([fromBob]);

  // A reload of the page (the background keeps its clock: no new scan yet) changes nothing.
  await page.reload();
  await waitForRole(page, 'button', /^Thank .+ for this post$/);
  expect(await receivedThanks(extension)).toMatchObject([fromBob]);

  // Alice thanks Mara for her proposal in the second section. Chrome stops an idle service worker; the
  // next page it sees scans again and finds both thanks: Bob's still once.
  await appendAs(mediawiki, 'Alice', {
    title: TALK_PAGE.title,
    section: 2,
    appendtext: '\n:Thank you, Mara, the freeze saved our weekend. ~~~~',
    summary: 'Thanks',
  });
  await stopServiceWorker(extension);
  await page.reload();
  await expect
    .poll(() => receivedThanks(extension))
    .toMatchObject([
      fromBob,
      {
        from: { name: 'Alice', id: 'Alice' },
        post: {
          postId: 'c-Mara-14:20, 18 November 2026 (UTC)',
          permalink: `${mediawiki.url}${TALK_URL_PATH}#${FREEZE}`,
        },
        message: 'Thank you, Mara, the freeze saved our weekend.',
      },
    ]);

  const popup = await openPopupFor(extension, page);
  await expect(popup.locator('li', { hasText: 'Thanks received this week' })).toContainText('2');
});
