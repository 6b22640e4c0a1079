// Issue 3 §4 Safety, for every adapter: its own fixture pages turned hostile. Links get `javascript:`,
// `data:` and `vbscript:` addresses, names get markup, bidi controls and megabytes of text. No link may
// become a profile URL or permalink, text is read as text, names stay bounded, reading changes nothing in
// the page, and nothing throws. The demo adapter also reads tests/fixtures/hostile/names-as-text.html,
// which the e2e spec (tests/e2e/hostile-pages.spec.ts) shows in a real browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { type Person, PersonSchema, type PostRef, PostRefSchema } from '../../../lib/db/schemas';
import { demoAdapter } from '../../../lib/hosts/demo/adapter';
import { inertCopy, textOf, webUrlOf } from '../../../lib/hosts/read-dom';
import { ADAPTERS } from '../../../lib/hosts/registry';
import type { FixturePages } from '../../../lib/hosts/selectors';
import type { HostAdapter } from '../../../lib/hosts/types';
import { CASES, ME } from '../../fixtures/hostile/names-as-text';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Addresses that must never become a profile URL or permalink, spelled the ways browsers still accept. */
const HOSTILE_HREFS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  '  javascript:alert(1)',
  '\u0000javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'javascript://intranet.example/%0Aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://intranet.example/0d7c9d1e-7f3a-4a53-9c52-3a9a4b7c1d2e',
  'about:blank',
  'ftp://intranet.example/people/eve',
  'mailto:eve@intranet.example',
];
/** Schemes put in front of a link's own host and path, so that adapters reading ids from links still find them. */
const HOSTILE_SCHEMES = ['javascript:', 'data:', 'vbscript:', 'JaVaScRiPt:', 'java\tscript:'];
/** Markup, an override and a template in a name: to be read as these very characters. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax that must stay text.
const HOSTILE_PREFIX = '<img src=x onerror=alert(1)>\u202E${alert(1)} ';
const FLOOD = ` ${'x😀'.repeat(5_000)}`;

const settings = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
};

// Parsed, never run: no scripts, no stylesheets, no network (as in the adapters meta-test).
function parse(html: string, url: string): Document {
  const window = new Window({ url, settings });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

type Page = { file: string; doc: Document; url: URL };

async function fixturePages(adapter: HostAdapter): Promise<Page[]> {
  const { fixtures } = (await import(`../../../lib/hosts/${adapter.id}/selectors.ts`)) as {
    fixtures: FixturePages;
  };
  return Object.entries(fixtures).map(([file, { url }]) => ({
    file,
    url: new URL(url),
    doc: parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'hosts', adapter.id, file), 'utf8'), url),
  }));
}

type Reading = { refs: PostRef[]; me: Person | undefined };

/** Everything an adapter does with a page, as the content script does it; posts it cannot read are left out. */
function readAll(adapter: HostAdapter, { doc, url }: Page): Reading {
  const refs: PostRef[] = [];
  for (const post of adapter.findPosts(doc)) {
    adapter.closestPost(post);
    adapter.mountPoint(post);
    const ref = adapter.readPost(post, url);
    if (ref) refs.push(ref);
  }
  return { refs, me: adapter.currentUser(doc, url) };
}

function serialise(doc: Document): string {
  const window = doc.defaultView as unknown as { XMLSerializer: typeof XMLSerializer };
  return new window.XMLSerializer().serializeToString(doc);
}

/** Reads the page, and checks what every reading must be, whatever the page holds. */
function readChecked(adapter: HostAdapter, page: Page): Reading {
  const before = serialise(page.doc);
  const reading = readAll(adapter, page);
  // Pure reading: the page is exactly as it was.
  expect(serialise(page.doc)).toBe(before);
  for (const ref of reading.refs) {
    expect(PostRefSchema.safeParse(ref).success, `a post on ${page.file}`).toBe(true);
    expect(ref.author.name.length).toBeLessThanOrEqual(200);
    expect(ref.author.name.isWellFormed()).toBe(true);
    expect(ref.excerpt?.isWellFormed() ?? true).toBe(true);
  }
  if (reading.me) expect(PersonSchema.safeParse(reading.me).success).toBe(true);
  for (const address of addressesOf(reading)) expect(new URL(address).protocol).toMatch(/^https?:$/);
  return reading;
}

function addressesOf({ refs, me }: Reading): string[] {
  const all = [...refs.flatMap((ref) => [ref.permalink, ref.author.profileUrl]), me?.profileUrl];
  return all.filter((address): address is string => address !== undefined);
}

function textNodes(doc: Document): Text[] {
  const found: Text[] = [];
  const walker = doc.createTreeWalker(doc.documentElement, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) found.push(node as Text);
  return found;
}

/** The text nodes that spell one of these names, whitespace aside. */
function nameNodes(doc: Document, names: Set<string>): Text[] {
  return textNodes(doc).filter((node) => names.has((node.data ?? '').replace(/\s+/g, ' ').trim()));
}

const namesOf = ({ refs, me }: Reading) =>
  new Set([...refs.map((ref) => ref.author.name), ...(me ? [me.name] : [])]);

const byPostId = (refs: PostRef[]) => new Map(refs.map((ref) => [ref.postId, ref]));

describe('read-dom: host text and links', () => {
  const doc = parse('<!doctype html><body></body>', 'https://intranet.example/feed');
  const page = new URL('https://intranet.example/feed');
  const link = (href: string) => {
    const a = doc.createElement('a');
    a.setAttribute('href', href);
    return a;
  };

  it.each(HOSTILE_HREFS)('never makes a web address of %j', (href) => {
    expect(webUrlOf(link(href), page)).toBeUndefined();
  });

  it('makes absolute http(s) addresses of relative and absolute links, markup percent-encoded', () => {
    expect(webUrlOf(link('/people/eve?x=<script>'), page)).toBe(
      'https://intranet.example/people/eve?x=%3Cscript%3E',
    );
    expect(webUrlOf(link('//intranet.example/posts/1#"><b>'), page)).toBe(
      'https://intranet.example/posts/1#%22%3E%3Cb%3E',
    );
    expect(webUrlOf(link('http://intranet.example/u/eve'), page)).toBe('http://intranet.example/u/eve');
  });

  it('reads markup-like text as these characters, and markup as its text only', () => {
    const el = doc.createElement('span');
    el.textContent = `  ${HOSTILE_PREFIX}Eve\n\t`;
    expect(textOf(el)).toBe(`${HOSTILE_PREFIX}Eve`);
    const bold = doc.createElement('b');
    bold.setAttribute('onclick', 'alert(1)');
    bold.textContent = 'Eve';
    const image = doc.createElement('img');
    image.setAttribute('src', 'x');
    image.setAttribute('onerror', 'alert(1)');
    el.replaceChildren(image, bold);
    expect(textOf(el)).toBe('Eve');
  });

  it('bounds text, and never cuts a character in half', () => {
    const el = doc.createElement('span');
    el.textContent = 'x'.repeat(1_000_000);
    expect(textOf(el)).toHaveLength(200);
    expect(textOf(el, 140)).toHaveLength(140);
    el.textContent = `${'a'.repeat(199)}😀 and more`;
    expect(textOf(el)).toBe('a'.repeat(199));
    el.textContent = `${'a'.repeat(198)}😀 and more`;
    expect(textOf(el)).toBe(`${'a'.repeat(198)}😀`);
  });

  it('copies a node into a document of its own: parts cut from the copy stay in the page', () => {
    const post = doc.createElement('div');
    const image = doc.createElement('img');
    image.setAttribute('src', 'x');
    post.append(image, 'Eve');
    doc.body.append(post);
    const copy = inertCopy(post);
    expect(copy.ownerDocument).not.toBe(doc);
    copy.querySelector('img')?.remove();
    expect(post.querySelector('img')).toBe(image);
    expect(textOf(copy)).toBe('Eve');
  });
});

describe('the demo adapter on names-as-text.html', () => {
  const url = 'http://127.0.0.1:5391/names-as-text';
  const html = readFileSync(join(ROOT, 'tests', 'fixtures', 'hostile', 'names-as-text.html'), 'utf8');

  it('reads every hostile name, id and excerpt verbatim, and no link but http(s) ones', () => {
    const page = { file: 'names-as-text.html', doc: parse(html, url), url: new URL(url) };
    expect(demoAdapter.matches(page.url, page.doc)).toBe(true);
    expect(demoAdapter.findPosts(page.doc)).toHaveLength(CASES.length + 2);
    const { refs, me } = readChecked(demoAdapter, page);
    expect(me).toEqual(ME);
    expect(refs).toEqual(
      CASES.map(({ postId, name, authorId, profileUrl, permalink, excerpt }) => ({
        host: 'demo',
        origin: page.url.origin,
        postId,
        excerpt,
        ...(permalink && { permalink: permalink(page.url.origin) }),
        author: {
          name,
          ...(authorId && { id: authorId }),
          ...(profileUrl && { profileUrl: profileUrl(page.url.origin) }),
        },
      })),
    );
  });
});

describe.each(ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('the %s adapter', (_, adapter) => {
  it('reads its fixtures (the baseline for the hostile versions below)', async () => {
    const pages = await fixturePages(adapter);
    const posts = pages.map((page) => readChecked(adapter, page).refs.length);
    expect(posts.some((n) => n > 0)).toBe(true);
  });

  it.each(HOSTILE_SCHEMES)('turns no link with the scheme %j into an address', async (scheme) => {
    for (const page of await fixturePages(adapter)) {
      for (const el of page.doc.querySelectorAll('[href]')) {
        const target = new URL(el.getAttribute('href') ?? '', page.url);
        el.setAttribute('href', `${scheme}//${target.host}${target.pathname}${target.search}${target.hash}`);
      }
      const { refs, me } = readChecked(adapter, page);
      // Addresses built from the page's own URL remain; none comes from a link.
      for (const address of addressesOf({ refs, me })) expect(address.startsWith(page.url.origin)).toBe(true);
    }
  });

  it('turns no hostile link into an address', async () => {
    for (const page of await fixturePages(adapter)) {
      for (const [index, el] of Array.from(page.doc.querySelectorAll('[href]')).entries()) {
        el.setAttribute('href', HOSTILE_HREFS[index % HOSTILE_HREFS.length] ?? '');
      }
      readChecked(adapter, page);
    }
  });

  it('reads markup-like text in names as text, and markup in names as its text only', async () => {
    let hostileNames = 0;
    for (const page of await fixturePages(adapter)) {
      const clean = readAll(adapter, page);
      const nodes = nameNodes(page.doc, namesOf(clean));
      for (const node of nodes) node.data = `${HOSTILE_PREFIX}${node.data}`;
      const asText = readChecked(adapter, page);
      const cleanRefs = byPostId(clean.refs);
      for (const ref of asText.refs) {
        const name = cleanRefs.get(ref.postId)?.author.name ?? '';
        // Names an adapter reads from links or data (MediaWiki's) do not change.
        expect([name, `${HOSTILE_PREFIX}${name}`.slice(0, 200)]).toContain(ref.author.name);
        if (ref.author.name !== name) hostileNames++;
      }

      for (const node of nodes) {
        node.data = node.data.slice(HOSTILE_PREFIX.length);
        const bold = page.doc.createElement('b');
        bold.setAttribute('onmouseover', 'alert(1)');
        const image = page.doc.createElement('img');
        image.setAttribute('src', 'x');
        image.setAttribute('onerror', 'alert(1)');
        node.replaceWith(image, bold);
        bold.append(node);
      }
      const asMarkup = readChecked(adapter, page);
      expect(asMarkup.refs).toEqual(clean.refs);
      expect(asMarkup.me).toEqual(clean.me);
    }
    if (adapter.id !== 'mediawiki') expect(hostileNames).toBeGreaterThan(0);
  });

  it('cuts absurdly long names to 200 characters instead of dropping their posts', async () => {
    for (const page of await fixturePages(adapter)) {
      const clean = readAll(adapter, page);
      for (const node of nameNodes(page.doc, namesOf(clean))) node.data += FLOOD;
      expect(readChecked(adapter, page).refs.map((ref) => ref.postId)).toEqual(
        clean.refs.map((ref) => ref.postId),
      );
    }
  });

  it('keeps every name and excerpt bounded when all text on the page is flooded', async () => {
    for (const page of await fixturePages(adapter)) {
      for (const node of textNodes(page.doc)) node.data += FLOOD;
      for (const ref of readChecked(adapter, page).refs) {
        expect(ref.excerpt?.length ?? 0).toBeLessThanOrEqual(280);
      }
    }
  });
});
