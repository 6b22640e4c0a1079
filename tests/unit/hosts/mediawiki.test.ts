import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediawikiAdapter as adapter } from '../../../lib/hosts/mediawiki/adapter';
import { fixtures } from '../../../lib/hosts/mediawiki/selectors';
import { signedComments, TALK_PAGE, USER_TALK_PAGE } from '../../hosts/mediawiki/seed.mjs';
import { parsePage } from './parse-page';

const TALK = 'talk-page-2026-11-22.html';
const THREAD = 'user-talk-thread-2026-11-22.html';
const ORIGIN = 'http://127.0.0.1:5393';

function fixture(file: string): { doc: Document; url: URL } {
  const page = fixtures[file];
  if (!page) throw new Error(file);
  const html = readFileSync(join(import.meta.dirname, '../../fixtures/hosts/mediawiki', file), 'utf8');
  return { doc: parsePage(html, page.url), url: new URL(page.url) };
}

/** A MediaWiki page around some page text, as 1.39 renders it. */
function wikiPage(content: string, bodyClass = 'ns-1 ns-talk action-view'): { doc: Document; url: URL } {
  const url = 'http://wiki.example/index.php/Talk:Kantine';
  const html = `<!DOCTYPE html><html><head><meta name="generator" content="MediaWiki 1.39.17"></head>
<body class="mediawiki ${bodyClass}"><div id="mw-content-text"><div class="mw-parser-output">${content}</div></div>
</body></html>`;
  return { doc: parsePage(html, url), url: new URL(url) };
}

/** `~~~~` on an English wiki in UTC: `09:12, 16 November 2026 (UTC)`. */
function signatureDate(iso: string): string {
  const at = new Date(iso);
  const month = at.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  const time = at.toISOString().slice(11, 16);
  return `${time}, ${at.getUTCDate()} ${month} ${at.getUTCFullYear()} (UTC)`;
}

function refs({ doc, url }: { doc: Document; url: URL }) {
  return adapter.findPosts(doc).map((post) => adapter.readPost(post, url));
}

describe('the MediaWiki adapter on the real wiki’s pages', () => {
  it.each([
    [TALK, TALK_PAGE],
    [THREAD, USER_TALK_PAGE],
  ])('finds every signed comment of %s, and only those, named by author and date', (file, seeded) => {
    expect(refs(fixture(file)).map((ref) => [ref?.postId, ref?.author.name])).toEqual(
      signedComments(seeded).map((comment) => [
        `c-${comment.author}-${signatureDate(comment.at)}`,
        comment.author,
      ]),
    );
  });

  it('reads a reply’s own text and author, not the user it mentions nor the replies below it', () => {
    const posts = refs(fixture(TALK));
    expect(posts[4]).toEqual({
      host: 'mediawiki',
      origin: ORIGIN,
      postId: 'c-Bob-09:05, 17 November 2026 (UTC)',
      permalink: `${ORIGIN}/index.php/Talk:Release_checklist#Moving_the_checklist_from_the_shared_drive`,
      excerpt: 'Mara, good point: it is linked now, right under the introduction.',
      // A red link points at the editor; the profile is the user page itself.
      author: { name: 'Bob', id: 'Bob', profileUrl: `${ORIGIN}/index.php?title=User%3ABob` },
    });
    expect(posts[1]?.excerpt).toBe(
      "Checked them against last Tuesday's rollback: the cache flush was missing, I added it as step 3.",
    );
    expect(posts[7]).toMatchObject({
      excerpt: 'Support, with an exception for security fixes.',
      permalink: `${ORIGIN}/index.php/Talk:Release_checklist#Staging_freeze_on_Fridays`,
      author: { name: 'Alice', profileUrl: `${ORIGIN}/index.php/User:Alice` },
    });
  });

  it('mounts the buttons inline, right after each signature’s date', () => {
    const { doc, url } = fixture(TALK);
    for (const post of adapter.findPosts(doc)) {
      const point = adapter.mountPoint(post);
      const ref = adapter.readPost(post, url);
      if (!point || !ref) throw new Error('a comment without a mount point');
      const marker = doc.createElement('span');
      point.parent.insertBefore(marker, point.before ?? null);
      const date = ref.postId.slice(`c-${ref.author.name}-`.length);
      expect(marker.previousSibling?.textContent?.trimEnd().endsWith(date), ref.postId).toBe(true);
      // Inside the comment, before its replies.
      expect(adapter.closestPost(marker)).toBe(post);
    }
  });

  it('traces a node back to the innermost comment it belongs to', () => {
    const { doc, url } = fixture(TALK);
    const reply = doc.querySelector('dd dd');
    const word = reply?.querySelector('a');
    if (!reply || !word) throw new Error('fixture changed');
    expect(adapter.closestPost(word)).toBe(reply);
    expect(adapter.readPost(reply, url)?.author.name).toBe('Alice');
  });

  it('knows who is signed in', () => {
    const { doc, url } = fixture(THREAD);
    expect(adapter.currentUser(doc, url)).toEqual({
      name: 'Mara',
      id: 'Mara',
      profileUrl: `${ORIGIN}/index.php/User:Mara`,
    });
  });
});

describe('the MediaWiki adapter on other wikis’ markup', () => {
  it('reads German signatures (Benutzer, Diskussion, "22. Nov. 2026 (CET)")', () => {
    const page = wikiPage(
      '<dl><dd>Passt so, danke! <a href="/wiki/Benutzerin:J%C3%BCrgen" title="Benutzerin:Jürgen">Jürgen</a> ' +
        '(<a href="/wiki/Benutzerin_Diskussion:J%C3%BCrgen" title="Benutzerin Diskussion:Jürgen">Diskussion</a>) ' +
        '18:27, 22. Nov. 2026 (CET)</dd></dl>',
    );
    expect(refs(page)).toMatchObject([
      {
        postId: 'c-Jürgen-18:27, 22. Nov. 2026 (CET)',
        excerpt: 'Passt so, danke!',
        author: { name: 'Jürgen', profileUrl: 'http://wiki.example/wiki/Benutzerin:J%C3%BCrgen' },
      },
    ]);
  });

  it('reads month-first dates and signatures that link only the talk page', () => {
    const page = wikiPage(
      '<p>Lunch at noon? <a href="/index.php/User_talk:Ole" title="User talk:Ole">Ole</a> 12:01, November 9, 2026 (UTC)</p>',
    );
    expect(refs(page)).toMatchObject([
      { postId: 'c-Ole-12:01, November 9, 2026 (UTC)', author: { name: 'Ole' } },
    ]);
  });

  it('takes a date far from any user link, or a user link without a date, for text, not a signature', () => {
    const page = wikiPage(
      '<p>As <a href="/index.php/User:Ole" title="User:Ole">Ole</a> announced on the canteen page a while ago, ' +
        'and as everybody who eats there every day knows by now, the new menu starts 12:00, 9 November 2026 (UTC).</p>' +
        '<p>Ask <a href="/index.php/User:Ole" title="User:Ole">Ole</a> about it.</p>',
    );
    expect(adapter.findPosts(page.doc)).toEqual([]);
  });

  it('stays out of edit previews and pages that are not MediaWiki', () => {
    const signed =
      '<p>Hi <a href="/index.php/User:Ole" title="User:Ole">Ole</a> (talk) 12:01, 9 November 2026 (UTC)</p>';
    const reading = wikiPage(signed);
    expect(adapter.matches(reading.url, reading.doc)).toBe(true);
    const preview = wikiPage(signed, 'ns-1 ns-talk action-submit');
    expect(adapter.matches(preview.url, preview.doc)).toBe(false);
    const other = parsePage(
      '<!DOCTYPE html><html><body class="action-view"></body></html>',
      'http://x.example/',
    );
    expect(adapter.matches(new URL('http://x.example/'), other)).toBe(false);
  });
});
