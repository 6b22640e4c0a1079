import { describe, expect, it } from 'vitest';
import { PostRefSchema, type TaughtSelectors } from '../../../lib/db/schemas';
import { createGenericAdapter } from '../../../lib/hosts/generic/adapter';
import type { HostAdapter } from '../../../lib/hosts/types';
import { byText, loadGenericFixture } from '../teach/load-fixture';

const PORTAL_URL = 'http://127.0.0.1:8080/news';
const PORTAL: TaughtSelectors = {
  post: 'div.feed-card',
  author: ':scope a.card-author',
  permalink: ':scope a.card-time',
  body: ':scope div.card-text',
  actions: ':scope div.card-actions',
  currentUser: 'a.portal-me',
  postIdAttribute: 'data-entry-id',
};

function portal(selectors: TaughtSelectors = PORTAL) {
  const { doc, url } = loadGenericFixture('portal-feed-2026-11-22.html', PORTAL_URL);
  const adapter = createGenericAdapter(selectors, doc);
  if (!adapter) throw new Error('no adapter');
  return { doc, url, adapter };
}

const refs = (adapter: HostAdapter, doc: Document, url: URL) =>
  adapter.findPosts(doc).map((post) => adapter.readPost(post, url));

describe('the generic adapter, built from taught selectors', () => {
  it('reads each post as the contract wants it: id, author with profile, permalink, excerpt', () => {
    const { adapter, doc, url } = portal();
    const all = refs(adapter, doc, url);
    expect(all).toHaveLength(5);
    for (const ref of all) expect(PostRefSchema.safeParse(ref).success).toBe(true);
    expect(all[1]).toEqual({
      host: 'generic',
      origin: 'http://127.0.0.1:8080',
      postId: 'e105',
      permalink: 'http://127.0.0.1:8080/posts/105',
      excerpt:
        'Release 4.2 ist auf allen Standorten ausgerollt. Danke an alle, die am Wochenende getestet haben.',
      author: { name: 'Jonas Weber', profileUrl: 'http://127.0.0.1:8080/people/jonas' },
    });
  });

  it('without an id attribute, identifies a post by its permalink, and without one by a hash of its text', () => {
    const { postIdAttribute: _a, ...byLink } = PORTAL;
    const linked = portal(byLink);
    expect(refs(linked.adapter, linked.doc, linked.url).map((ref) => ref?.postId)).toEqual(
      ['101', '105', '109', '113', '117'].map((id) => `/posts/${id}`),
    );
    const { permalink: _p, ...bare } = byLink;
    const hashed = portal(bare);
    const ids = refs(hashed.adapter, hashed.doc, hashed.url).map((ref) => ref?.postId);
    expect(ids.every((id) => /^t-[0-9a-f]{8}$/.test(id ?? ''))).toBe(true);
    expect(new Set(ids).size).toBe(5);
    // The same post gives the same id on every read.
    expect(refs(hashed.adapter, hashed.doc, hashed.url).map((ref) => ref?.postId)).toEqual(ids);
  });

  it('puts the buttons into the action bar, or right after the author’s name when none was taught', () => {
    const { adapter, doc } = portal();
    const [first] = adapter.findPosts(doc);
    if (!first) throw new Error('fixture');
    expect(adapter.mountPoint(first)?.parent.className).toBe('card-actions');
    const { actions: _a, ...noBar } = PORTAL;
    const after = portal(noBar);
    const [post] = after.adapter.findPosts(after.doc);
    const author = post?.querySelector('a.card-author');
    if (!post || !author) throw new Error('fixture');
    expect(after.adapter.mountPoint(post)).toEqual({
      parent: author.parentElement,
      before: author.nextSibling,
    });
  });

  it('finds the posts inside a newly added part of the page, and the post around a re-rendered part', () => {
    const { adapter, doc } = portal();
    const main = doc.querySelector('main');
    const text = byText(doc, '.card-text p', 'Die Kantine öffnet ab Montag schon um 11:15 Uhr.');
    if (!main) throw new Error('fixture');
    expect(adapter.findPosts(main)).toHaveLength(5);
    expect(adapter.closestPost(text)?.getAttribute('data-entry-id')).toBe('e109');
  });

  it('knows the signed-in user by the taught selector, and falls back to "me" without one', () => {
    const { adapter, doc, url } = portal();
    expect(adapter.currentUser(doc, url)).toEqual({
      name: 'Mara Keller',
      profileUrl: 'http://127.0.0.1:8080/people/mara',
    });
    const { currentUser: _c, ...anonymous } = PORTAL;
    const fallback = portal(anonymous);
    expect(fallback.adapter.currentUser(fallback.doc, fallback.url)).toEqual({ name: 'teachMeFallback' });
  });

  it('reads host text as text and never turns a javascript: or "#" link into a profile', () => {
    const { adapter, doc, url } = portal();
    const author = byText(doc, '.card-author', 'Anna Schmidt');
    author.setAttribute('href', 'javascript:alert(1)');
    author.textContent = '<img src=x onerror=alert(1)>';
    const me = doc.querySelector('.portal-me');
    me?.setAttribute('href', '#menu');
    const [first] = refs(adapter, doc, url);
    expect(first?.author).toEqual({ name: '<img src=x onerror=alert(1)>' });
    expect(adapter.currentUser(doc, url)).toEqual({ name: 'Mara Keller' });
  });

  it('skips a post whose author cannot be read, instead of thanking nobody', () => {
    const { adapter, doc, url } = portal();
    byText(doc, '.card-author', 'Ole Hansen').remove();
    expect(refs(adapter, doc, url).filter(Boolean)).toHaveLength(4);
  });

  it('does not exist when a selector does not parse (a hand edit gone wrong stays invisible)', () => {
    const { doc } = loadGenericFixture('portal-feed-2026-11-22.html', PORTAL_URL);
    expect(createGenericAdapter({ ...PORTAL, body: ':scope div[' }, doc)).toBeUndefined();
    expect(createGenericAdapter({ ...PORTAL, post: 'div.feed-card >' }, doc)).toBeUndefined();
  });

  it('lists its selectors for "Check this page", without the post id attribute', () => {
    const { adapter } = portal();
    expect(Object.keys(adapter.selectors)).toEqual([
      'post',
      'author',
      'permalink',
      'body',
      'actions',
      'currentUser',
    ]);
  });
});
