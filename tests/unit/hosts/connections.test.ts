import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { connectionsAdapter as adapter, entryIdOf } from '../../../lib/hosts/connections/adapter';
import { fixtures } from '../../../lib/hosts/connections/selectors';
import { readVcard } from '../../../lib/hosts/connections/vcard';

// Parsed, never run: no scripts, no stylesheets, no network (as in the adapters meta-test).
const sandbox = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
  },
});
const parse = (html: string) =>
  new sandbox.DOMParser().parseFromString(html, 'text/html') as unknown as Document;

const PAGE = new URL('https://connections.musterwerk.example/homepage/web/updates/');
const USER = '5172b2c0-7547-102f-9f51-f6be80987c6a';

function vcardOf(html: string): Element {
  const vcard = parse(html).querySelector('.vcard');
  if (!vcard) throw new Error('no vcard');
  return vcard;
}
function fixture(file: string): { doc: Document; url: URL } {
  const page = fixtures[file];
  if (!page) throw new Error(file);
  const html = readFileSync(join(import.meta.dirname, '../../fixtures/hosts/connections', file), 'utf8');
  return { doc: parse(html), url: new URL(page.url) };
}

describe('readVcard', () => {
  it('reads the activity-stream hCard without its hidden photo and userid spans', () => {
    const vcard = vcardOf(
      `<span class="vcard"><a class="fn url" href="/profiles/html/profileView.do?userid=${USER}"><span class="photo" style="display : none"></span>Katharina Müller</a><span class="x-lconn-userid" style="display : none">${USER}</span></span>`,
    );
    expect(readVcard(vcard, PAGE)).toEqual({
      name: 'Katharina Müller',
      id: USER,
      profileUrl: `https://connections.musterwerk.example/profiles/html/profileView.do?userid=${USER}`,
    });
  });

  it('drops a userid span that people.createLink put inside the link', () => {
    const vcard = vcardOf(
      `<span class="vcard"><a class="fn lotusPerson" href="/profiles/html/profileView.do?userid=${USER}">Jonas Weber<span class="x-lconn-userid" style="display: none;">${USER}</span></a></span>`,
    );
    expect(readVcard(vcard, PAGE)).toMatchObject({ name: 'Jonas Weber', id: USER });
  });

  it('takes the id from the profile link when the userid span is missing, and reads plain-text names', () => {
    const linked = vcardOf(
      `<span class="vcard"><a class="fn url" href="/profiles/html/profileView.do?userid=abc-1">Anna Schmidt</a></span>`,
    );
    expect(readVcard(linked, PAGE)).toMatchObject({ name: 'Anna Schmidt', id: 'abc-1' });
    const plain = vcardOf(`<span class="vcard">Sven Lindqvist<span class="x-lconn-userid">u-7</span></span>`);
    expect(readVcard(plain, PAGE)).toEqual({ name: 'Sven Lindqvist', id: 'u-7' });
  });

  it('refuses an empty name and never keeps a javascript: link', () => {
    expect(
      readVcard(vcardOf(`<span class="vcard"><span class="x-lconn-userid">${USER}</span></span>`), PAGE),
    ).toBeUndefined();
    const hostile = vcardOf(`<span class="vcard"><a class="fn" href="javascript:alert(1)">Eve</a></span>`);
    expect(readVcard(hostile, PAGE)).toEqual({ name: 'Eve' });
  });
});

describe('entryIdOf', () => {
  it('keeps the last part of a Connections URN and rejects anything else', () => {
    expect(entryIdOf('urn:lsid:lconn.ibm.com:profiles.note:e407b54e-e636-451d-a2b9-a14ac39aeac5')).toBe(
      'e407b54e-e636-451d-a2b9-a14ac39aeac5',
    );
    expect(entryIdOf('0a1b2c3d-4e5f')).toBe('0a1b2c3d-4e5f');
    expect(entryIdOf('urn:lsid:x:')).toBeUndefined();
    expect(entryIdOf('<img src=x>')).toBeUndefined();
    expect(entryIdOf(null)).toBeUndefined();
  });
});

describe('the adapter on its fixtures', () => {
  it('reads a status update and its comments as separate posts, each with its own author', () => {
    const { doc, url } = fixture('single-post-2026-11-22.html');
    const [update, ...comments] = adapter.findPosts(doc);
    if (!update) throw new Error('no posts');
    expect(comments).toHaveLength(4);
    expect(comments.every((comment) => update.contains(comment))).toBe(true);
    expect(adapter.readPost(update, url)).toMatchObject({
      postId: '9e6b7f4d-3082-4db4-8f6a-7b8c9daebfc0',
      author: { name: 'Katharina Müller', id: USER },
    });
    expect(adapter.readPost(update, url)?.excerpt).toMatch(/^Das neue Intranet ist live!.*als Kommentar\.$/);
    expect(adapter.readPost(comments[0] as Element, url)).toMatchObject({
      postId: '0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9',
      author: { name: 'Jonas Weber' },
      excerpt: 'Sieht super aus! Auf dem Handy ist das Menü noch etwas eng.',
    });
    // The update mounts in its own Comment/Like row, a comment in its own meta row.
    expect(adapter.mountPoint(update)?.parent.classList.contains('lotusActions')).toBe(true);
    const commentRow = adapter.mountPoint(comments[0] as Element)?.parent;
    expect(commentRow?.closest('.lotusPost')).toBe(comments[0]);
  });

  it('recognises Connections by its markup on any origin, and reads the banner user', () => {
    const { doc, url } = fixture('no-posts-2026-11-22.html');
    expect(adapter.matches(new URL('https://intranet.example.org/anything'), doc)).toBe(true);
    expect(adapter.matches(url, parse('<body class="lotusui"><p>no Connections resources</p></body>'))).toBe(
      false,
    );
    expect(adapter.currentUser(doc, url)).toMatchObject({
      name: 'Mara Keller',
      id: 'd0b3b6c0-7546-102f-9f4c-f6be80987c6a',
    });
  });
});
