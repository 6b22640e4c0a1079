import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repliesInPage } from '../../../lib/hosts/mediawiki/replies-in-page';
import { isThankYou } from '../../../lib/inbound/recognize-thanks';
import { parsePage } from '../hosts/parse-page';

const ORIGIN = 'http://127.0.0.1:5393';
const TALK_URL = new URL(`${ORIGIN}/index.php/Talk:Release_checklist`);
const FOUND_AT = Date.UTC(2026, 10, 22, 12, 0);

/** The talk page saved from the real test wiki (tests/hosts/mediawiki/seed.mjs). */
function talkPage(): Document {
  const file = join(import.meta.dirname, '../../fixtures/hosts/mediawiki/talk-page-2026-11-22.html');
  return parsePage(readFileSync(file, 'utf8'), TALK_URL.href);
}

function wikiPage(content: string): Document {
  return parsePage(
    `<!DOCTYPE html><html><body><div id="mw-content-text"><div class="mw-parser-output">${content}</div></div></body></html>`,
    TALK_URL.href,
  );
}

const user = (name: string) => ({ name, id: name });
const sig = (name: string, time: string) =>
  `<a href="/index.php/User:${name}" title="User:${name}">${name}</a> (<a href="/index.php/User_talk:${name}" title="User talk:${name}">talk</a>) ${time}`;

describe('repliesInPage (MediaWiki)', () => {
  it('finds the replies indented under Mara’s comments and Bob’s ping, none of them thanks', () => {
    const replies = repliesInPage(talkPage(), TALK_URL, user('Mara'), FOUND_AT);
    expect(replies.map((reply) => [reply.from.name, reply.post?.author.name, reply.text])).toEqual([
      ['Bob', 'Mara', 'Mara, good point: it is linked now, right under the introduction.'],
      ['Bob', 'Mara', 'Support.'],
      ['Alice', 'Mara', 'Support, with an exception for security fixes.'],
    ]);
    expect(replies.filter((reply) => isThankYou(reply.text))).toEqual([]);
  });

  it('finds Alice’s thank-you under Bob’s comment as a reply to Bob, dated by its signature', () => {
    const replies = repliesInPage(talkPage(), TALK_URL, user('Bob'), FOUND_AT);
    const thanks = replies.filter((reply) => isThankYou(reply.text));
    expect(thanks).toEqual([
      {
        remoteId: 'c-Alice-11:03, 16 November 2026 (UTC)',
        from: { name: 'Alice', id: 'Alice', profileUrl: `${ORIGIN}/index.php/User:Alice` },
        to: user('Bob'),
        post: {
          host: 'mediawiki',
          origin: ORIGIN,
          postId: 'c-Bob-10:47, 16 November 2026 (UTC)',
          permalink: `${TALK_URL.href}#Moving_the_checklist_from_the_shared_drive`,
          excerpt: expect.stringContaining('Checked them against'),
          author: expect.objectContaining({ name: 'Bob', id: 'Bob' }),
        },
        text: 'Thank you, that one would have bitten us.',
        at: Date.UTC(2026, 10, 16, 11, 3),
      },
    ]);
  });

  it('takes a ping in another thread as addressed to the user, and ignores the user’s own comments', () => {
    const doc = wikiPage(
      `<h2><span class="mw-headline" id="Kantine">Kantine</span></h2>
<p>Die Kantine hat neue Öffnungszeiten. ${sig('Alice', '08:00, 20. Nov. 2026 (CET)')}</p>
<dl><dd>Danke <a href="/index.php/User:Mara" title="User:Mara">Mara</a> fürs Nachhaken! ${sig('Bob', '09:00, 20. Nov. 2026 (CET)')}</dd></dl>
<p>Danke euch allen! ${sig('Mara', '10:00, 20. Nov. 2026 (CET)')}</p>`,
    );
    const replies = repliesInPage(doc, TALK_URL, user('Mara'), FOUND_AT);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({
      from: { name: 'Bob' },
      to: user('Mara'),
      post: { author: { name: 'Alice' } },
      text: 'Danke Mara fürs Nachhaken!',
      at: Date.UTC(2026, 10, 20, 8, 0),
    });
  });

  it('does not take a reply to someone else further down the thread for a reply to the user', () => {
    const doc = wikiPage(
      `<h2><span class="mw-headline" id="Freeze">Freeze</span></h2>
<p>Proposal: no deploys on Fridays. ${sig('Mara', '14:20, 18 November 2026 (UTC)')}</p>
<dl><dd>Why not Thursdays too? ${sig('Bob', '15:02, 18 November 2026 (UTC)')}
<dl><dd>Thanks, good question! ${sig('Alice', '15:30, 18 November 2026 (UTC)')}</dd></dl></dd></dl>
<h2><span class="mw-headline" id="Other">Other</span></h2>
<dl><dd>Thank you! ${sig('Alice', '16:00, 18 November 2026 (UTC)')}</dd></dl>`,
    );
    const replies = repliesInPage(doc, TALK_URL, user('Mara'), FOUND_AT);
    expect(replies.map((reply) => reply.text)).toEqual(['Why not Thursdays too?']);
  });
});
