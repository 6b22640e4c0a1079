import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { wordpressAdapter as adapter } from '../../../lib/hosts/wordpress/adapter';
import { fixtures } from '../../../lib/hosts/wordpress/selectors';

const CLASSIC = 'single-post-2026-11-22.html';
const BLOCK_THEME = 'single-post-block-theme-2026-11-22.html';
const POST_URL = 'http://127.0.0.1:5392/2026/11/onboarding-wiki-ist-online/';

function fixture(file: string): { doc: Document; url: URL } {
  const page = fixtures[file];
  if (!page) throw new Error(file);
  const html = readFileSync(join(import.meta.dirname, '../../fixtures/hosts/wordpress', file), 'utf8');
  // Parsed, never run: the saved pages link WordPress's scripts and styles.
  const window = new Window({
    url: page.url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { doc, url: new URL(page.url) };
}

function refs(file: string) {
  const { doc, url } = fixture(file);
  return adapter.findPosts(doc).map((post) => adapter.readPost(post, url));
}

describe.each([
  ['a classic theme', CLASSIC],
  ['a block theme', BLOCK_THEME],
])('comments in %s', (_theme, file) => {
  it('are read with their own author, never a reply’s, in page order', () => {
    const comments = refs(file).filter((ref) => ref?.postId.startsWith('comment-'));
    expect(comments.map((ref) => [ref?.postId, ref?.author.name])).toEqual([
      ['comment-2', 'Jonas Weber'],
      ['comment-3', 'Anna Becker'],
      ['comment-4', 'Jonas Weber'],
      ['comment-5', 'Külli Tamm (Facilities)'],
      ['comment-6', 'Mara Schneider'],
      ['comment-7', 'Ole Hansen'],
    ]);
  });

  it('carry the permalink, the text, and the author’s nicename when they have an account', () => {
    const [first, , , guest, , guestWithSite] = refs(file).filter((ref) =>
      ref?.postId.startsWith('comment-'),
    );
    expect(first).toEqual({
      host: 'wordpress',
      origin: 'http://127.0.0.1:5392',
      postId: 'comment-2',
      permalink: `${POST_URL}#comment-2`,
      excerpt: 'Super, Anna! Genau diese Checkliste hat mir in meiner ersten Woche gefehlt.',
      author: { name: 'Jonas Weber', id: 'jonas' },
    });
    expect(guest?.author).toEqual({ name: 'Külli Tamm (Facilities)' });
    expect(guestWithSite?.author).toEqual({ name: 'Ole Hansen', profileUrl: 'https://example.com/ole' });
  });

  it('get their button next to their own Reply link', () => {
    const { doc } = fixture(file);
    for (const comment of doc.querySelectorAll('li.comment')) {
      const parent = adapter.mountPoint(comment)?.parent;
      expect(parent?.querySelector('.comment-reply-link')?.getAttribute('data-commentid')).toBe(
        comment.id.replace('comment-', ''),
      );
    }
  });

  it('get it next to the date where replies are closed', () => {
    const { doc } = fixture(file);
    for (const link of doc.querySelectorAll('.reply, .wp-block-comment-reply-link')) link.remove();
    const comment = doc.querySelector('#comment-4');
    if (!comment) throw new Error('no #comment-4');
    const parent = adapter.mountPoint(comment)?.parent;
    expect(parent?.matches('.comment-metadata, .wp-block-comment-date')).toBe(true);
    expect(parent?.closest('li.comment')).toBe(comment);
  });

  it('know the signed-in user from the admin bar', () => {
    const { doc, url } = fixture(file);
    expect(adapter.currentUser(doc, url)).toEqual({ name: 'Mara Schneider' });
  });
});

describe('blog posts', () => {
  it('are thanked where the theme prints a byline, and mounted right after it', () => {
    const { doc, url } = fixture(CLASSIC);
    const entry = doc.querySelector('#post-4');
    if (!entry) throw new Error('no #post-4');
    expect(adapter.readPost(entry, url)).toEqual({
      host: 'wordpress',
      origin: 'http://127.0.0.1:5392',
      postId: 'post-4',
      permalink: POST_URL,
      excerpt: expect.stringMatching(/^Liebe Kolleginnen und Kollegen, ab heute/),
      author: { name: 'Anna Becker', id: 'anna', profileUrl: 'http://127.0.0.1:5392/author/anna/' },
    });
    const point = adapter.mountPoint(entry);
    expect(point?.parent.matches('.byline')).toBe(true);
    expect(point?.before).toBe(entry.querySelector('a[rel="author"]')?.nextSibling);
  });

  it('are not offered on the home page, which shows no author', () => {
    const { doc } = fixture('feed-2026-11-22.html');
    expect(doc.querySelectorAll('article.type-post').length).toBeGreaterThan(1);
    expect(adapter.findPosts(doc)).toEqual([]);
  });
});

describe('recognising WordPress', () => {
  it('by its REST API link when a security plugin dropped the generator tag', () => {
    const { doc, url } = fixture(CLASSIC);
    doc.querySelector('meta[name="generator"]')?.remove();
    expect(adapter.matches(url, doc)).toBe(true);
    doc.querySelector('link[rel="https://api.w.org/"]')?.remove();
    expect(adapter.matches(url, doc)).toBe(false);
  });

  it('finds the comment a re-rendered part belongs to, not its thread', () => {
    const { doc } = fixture(CLASSIC);
    const replyText = doc.querySelector('#comment-3 .comment-content p');
    if (!replyText) throw new Error('no reply text');
    expect(adapter.closestPost(replyText)?.id).toBe('comment-3');
  });
});
