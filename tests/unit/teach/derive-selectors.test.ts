import { describe, expect, it } from 'vitest';
import { TaughtSelectorsSchema } from '../../../lib/db/schemas';
import { createGenericAdapter } from '../../../lib/hosts/generic/adapter';
import { deriveCurrentUser, deriveSelectors } from '../../../lib/teach/derive-selectors';
import { isSelector } from '../../../lib/teach/features';
import { growToHold, snapToLink, suggestPost } from '../../../lib/teach/suggest';
import { byText, loadGenericFixture } from './load-fixture';

/**
 * Each case is what a user does on a saved page: click somewhere in one post, then on its author's
 * name, then on their own name. The derived selectors must then read every post of the page alike.
 */
type Case = {
  file: string;
  url: string;
  /** Where the user clicks in step 1. */
  clickInPost: (doc: Document) => Element;
  /** Where the user clicks in step 2. */
  clickOnAuthor: (doc: Document) => Element;
  clickOnMe: (doc: Document) => Element;
  authors: string[];
  /** The class of the element the buttons go into, or `after author`. */
  mount: string;
  permalinks: Array<string | undefined>;
  me: string;
};

const CASES: Record<string, Case> = {
  'a Jive-like activity stream (avatar link before the name, replies nested in each entry)': {
    file: 'jive-like-stream-2026-11-22.html',
    url: 'https://community.musterwerk.example/activity',
    clickInPost: (doc) =>
      byText(
        doc,
        '.j-act-body p',
        'Ab heute finden neue Kolleginnen und Kollegen alles Wichtige an einem Ort: Zugänge, Ansprechpartner, Checklisten.',
      ),
    clickOnAuthor: (doc) => byText(doc, 'a.j-act-user', 'Anna Schmidt'),
    clickOnMe: (doc) => byText(doc, '.j-satNav-name', 'Mara Keller'),
    authors: ['Anna Schmidt', 'Jonas Weber', 'Mara Keller', 'Ole Hansen', 'Külli Tamm', 'Lea Wagner'],
    mount: 'j-act-footer',
    permalinks: [10, 11, 12, 13, 14, 15].map(
      (day, i) => `https://community.musterwerk.example/blogs/team/2026/11/${day}/post-${4711 + i * 7}`,
    ),
    me: 'Mara Keller',
  },
  'a HumHub-like stream ([data-stream-entry][data-content-key], avatar first, comments inside)': {
    file: 'humhub-like-stream-2026-11-22.html',
    url: 'https://social.musterwerk.example/dashboard',
    clickInPost: (doc) =>
      byText(
        doc,
        '.content p',
        'Kurzer Bericht vom Barcamp: die Folien zu Working Out Loud hängen im Anhang.',
      ),
    clickOnAuthor: (doc) => byText(doc, 'h4.media-heading a', 'Külli Tamm'),
    clickOnMe: (doc) => byText(doc, '.user-title strong', 'Mara Keller'),
    authors: ['Anna Schmidt', 'Jonas Weber', 'Külli Tamm', 'Ole Hansen', 'Lea Wagner'],
    mount: 'wall-entry-controls',
    permalinks: [1230, 1233, 1236, 1239, 1242].map(
      (id) => `https://social.musterwerk.example/content/perma?id=${id}`,
    ),
    me: 'Mara Keller',
  },
  'a SharePoint-like comment list (generated classes, replies nested, a document list built alike)': {
    file: 'sharepoint-like-comments-2026-11-22.html',
    url: 'https://musterwerk.sharepoint.example/sites/hr/SitePages/Onboarding.aspx',
    clickInPost: (doc) =>
      byText(doc, '[data-automation-id="commentText"] p', 'Können wir die Checkliste auch als PDF bekommen?'),
    clickOnAuthor: (doc) => byText(doc, 'a.ms-Link', 'Jonas Weber'),
    clickOnMe: (doc) => byText(doc, '#mectrl_currentAccount_primary', 'Mara Keller'),
    authors: ['Anna Schmidt', 'Jonas Weber', 'Lea Wagner', 'Anna Schmidt', 'Külli Tamm', 'Ole Hansen'],
    mount: 'actions_1q2w3e',
    permalinks: [undefined, undefined, undefined, undefined, undefined, undefined],
    me: 'Mara Keller',
  },
  'a small in-house portal (the e2e test page)': {
    file: 'portal-feed-2026-11-22.html',
    url: 'http://127.0.0.1:8080/news',
    clickInPost: (doc) => byText(doc, '.card-text p', 'Die Kantine öffnet ab Montag schon um 11:15 Uhr.'),
    clickOnAuthor: (doc) => byText(doc, '.card-author', 'Külli Tamm'),
    clickOnMe: (doc) => byText(doc, '.portal-me', 'Mara Keller'),
    authors: ['Anna Schmidt', 'Jonas Weber', 'Külli Tamm', 'Ole Hansen', 'Lea Wagner'],
    mount: 'card-actions',
    permalinks: [101, 105, 109, 113, 117].map((id) => `http://127.0.0.1:8080/posts/${id}`),
    me: 'Mara Keller',
  },
};

function teach(c: Case) {
  const { doc, url } = loadGenericFixture(c.file, c.url);
  const post = suggestPost(c.clickInPost(doc));
  const author = snapToLink(c.clickOnAuthor(doc));
  const derived = deriveSelectors(post, author);
  if (!derived) throw new Error('nothing derived');
  const currentUser = deriveCurrentUser(snapToLink(c.clickOnMe(doc)), derived.post);
  const selectors = { ...derived, ...(currentUser && { currentUser }) };
  const adapter = createGenericAdapter(selectors, doc);
  if (!adapter) throw new Error('no adapter');
  return { doc, url, post, author, selectors, adapter };
}

describe.each(Object.entries(CASES))('teaching %s', (_name, c) => {
  it('finds every post and reads each one’s own author, never a reply’s', () => {
    const { adapter, doc, url } = teach(c);
    const refs = adapter.findPosts(doc).flatMap((post) => adapter.readPost(post, url) ?? []);
    expect(refs.map((ref) => ref.author.name)).toEqual(c.authors);
  });

  it('gives every post a unique id and reads its permalink where the post has one', () => {
    const { adapter, doc, url } = teach(c);
    const refs = adapter.findPosts(doc).flatMap((post) => adapter.readPost(post, url) ?? []);
    expect(new Set(refs.map((ref) => ref.postId)).size).toBe(refs.length);
    expect(refs.map((ref) => ref.permalink)).toEqual(c.permalinks);
  });

  it('puts the buttons in each post’s own action bar', () => {
    const { adapter, doc } = teach(c);
    for (const post of adapter.findPosts(doc)) {
      const point = adapter.mountPoint(post);
      expect(point?.parent.classList.contains(c.mount)).toBe(true);
      // The bar of this post, not of a reply nested in it.
      expect(point?.parent.closest(adapter.selectors.post ?? '')).toBe(post);
    }
  });

  it('recognises the signed-in user', () => {
    const { adapter, doc, url } = teach(c);
    expect(adapter.currentUser(doc, url)?.name).toBe(c.me);
  });

  it('derives valid, bounded selectors with no generated class names or database ids', () => {
    const { selectors, doc } = teach(c);
    expect(TaughtSelectorsSchema.safeParse(selectors).success).toBe(true);
    for (const [key, css] of Object.entries(selectors)) {
      if (key === 'postIdAttribute') continue;
      expect(isSelector(css, doc), css).toBe(true);
      expect(css, key).not.toMatch(/css-|sc-|_[0-9a-f]{6}|root-\d|\d{3,}/);
    }
  });
});

describe('the picked post', () => {
  it('grows from the clicked text to the whole post', () => {
    const jive = loadGenericFixture('jive-like-stream-2026-11-22.html', 'https://x.example/');
    const text = byText(
      jive.doc,
      '.j-act-body p',
      'Ab Montag öffnet die Kantine schon um 11:15 Uhr. Das Salatbuffet bleibt bis 14 Uhr.',
    );
    expect(suggestPost(text).id).toBe('jive-act-4718');
    const humhub = loadGenericFixture('humhub-like-stream-2026-11-22.html', 'https://x.example/');
    const name = byText(humhub.doc, 'h4.media-heading a', 'Lea Wagner');
    expect(suggestPost(name).getAttribute('data-content-key')).toBe('1242');
  });

  it('grows to hold a name clicked outside the part picked, but not into a neighbouring post', () => {
    const { doc } = loadGenericFixture('portal-feed-2026-11-22.html', 'http://127.0.0.1:8080/');
    const text = doc.querySelector('.card-text');
    if (!text) throw new Error('fixture');
    const own = byText(doc, '.card-author', 'Anna Schmidt');
    expect(growToHold(text, own)).toBe(doc.querySelector('.feed-card'));
    expect(growToHold(text.parentElement ?? text, own)).toBe(text.parentElement);
    const card = doc.querySelector('.feed-card');
    if (!card) throw new Error('fixture');
    expect(growToHold(card, byText(doc, '.card-author', 'Jonas Weber'))).toBeUndefined();
    expect(growToHold(card, byText(doc, '.portal-me', 'Mara Keller'))).toBeUndefined();
  });

  it('is refused when the name is not inside it or has no text', () => {
    const { doc } = loadGenericFixture('portal-feed-2026-11-22.html', 'http://127.0.0.1:8080/');
    const [first, second] = Array.from(doc.querySelectorAll('.feed-card'));
    if (!first || !second) throw new Error('fixture');
    expect(deriveSelectors(first, byText(doc, '.card-author', 'Jonas Weber'))).toBeUndefined();
    const avatar = first.querySelector('.card-avatar');
    if (!avatar) throw new Error('fixture');
    avatar.textContent = '';
    expect(deriveSelectors(first, avatar)).toBeUndefined();
  });

  it('ignores a class only the picked post has (a state such as "is-featured")', () => {
    const { doc } = loadGenericFixture('jive-like-stream-2026-11-22.html', 'https://x.example/');
    const featured = doc.querySelector('.is-featured');
    const author = featured?.querySelector('a.j-act-user');
    if (!featured || !author) throw new Error('fixture');
    const selectors = deriveSelectors(featured, author);
    expect(selectors?.post).not.toContain('featured');
    expect(doc.querySelectorAll(selectors?.post ?? '')).toHaveLength(6);
  });
});

describe('the user’s own name', () => {
  it('must be outside every post: an author in the feed is not the signed-in user', () => {
    const { doc } = loadGenericFixture('portal-feed-2026-11-22.html', 'http://127.0.0.1:8080/');
    expect(deriveCurrentUser(byText(doc, '.card-author', 'Anna Schmidt'), 'div.feed-card')).toBeUndefined();
    expect(deriveCurrentUser(byText(doc, '.portal-me', 'Mara Keller'), 'div.feed-card')).toBe('a.portal-me');
  });

  it('snaps to its profile link unless the link holds more than the name', () => {
    const { doc } = loadGenericFixture('humhub-like-stream-2026-11-22.html', 'https://x.example/');
    const strong = byText(doc, '.user-title strong', 'Mara Keller');
    expect(snapToLink(strong)).toBe(strong);
    const jive = loadGenericFixture('jive-like-stream-2026-11-22.html', 'https://x.example/');
    expect(snapToLink(byText(jive.doc, '.j-satNav-name', 'Mara Keller')).id).toBe('j-satNav-menu');
  });
});
