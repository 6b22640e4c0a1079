import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { vivaEngageAdapter as adapter } from '../../../lib/hosts/viva-engage/adapter';
import { decodeEngageId, messageIdOfLink, userIdOfLink } from '../../../lib/hosts/viva-engage/ids';
import { fixtures } from '../../../lib/hosts/viva-engage/selectors';

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

const b64 = (json: string) => btoa(json).replace(/=+$/, '');
const PAGE = new URL('https://engage.cloud.microsoft/main/feed');

function fixture(file: string): { doc: Document; url: URL } {
  const page = fixtures[file];
  if (!page) throw new Error(file);
  const html = readFileSync(join(import.meta.dirname, '../../fixtures/hosts/viva-engage', file), 'utf8');
  return { doc: parse(html), url: new URL(page.url) };
}

describe('decodeEngageId', () => {
  it('reads the id of the expected type, with or without padding and in either alphabet', () => {
    const thread = '{"_type":"Thread","id":"951074962661376"}';
    expect(decodeEngageId(b64(thread), 'Thread')).toBe('951074962661376');
    expect(decodeEngageId(btoa(thread), 'Thread')).toBe('951074962661376');
    const urlSafe = btoa('{"_type":"User","id":"1801245540352","x":"~~~"}');
    expect(urlSafe).toMatch(/[+/]/);
    expect(decodeEngageId(urlSafe.replace(/\+/g, '-').replace(/\//g, '_'), 'User')).toBe('1801245540352');
  });

  it('keeps ids beyond 2^53 exact', () => {
    expect(decodeEngageId(b64('{"_type":"Message","id":"18446744073709551615"}'), 'Message')).toBe(
      '18446744073709551615',
    );
  });

  it.each([
    ['an empty segment', ''],
    ['characters outside base64', 'eyJ!dHlwZSI6'],
    ['an impossible length', 'eyJfd'],
    ['base64 that is not JSON', b64('not json at all')],
    ['JSON without an id', b64('{"_type":"Thread"}')],
    ['a numeric id, which would have lost digits', b64('{"_type":"Thread","id":3297749157707776}')],
    ['an id that is not a number', b64('{"_type":"Thread","id":"12a"}')],
    ['a JSON array', b64('["Thread","1"]')],
    ['invalid UTF-8', btoa('\xff\xfe{"_type":"Thread","id":"1"}')],
    ['a huge segment', 'A'.repeat(400)],
  ])('rejects %s', (_, segment) => {
    expect(decodeEngageId(segment, 'Thread')).toBeUndefined();
  });

  it('rejects an id of another type', () => {
    expect(decodeEngageId(b64('{"_type":"Group","id":"221395517440"}'), 'Thread')).toBeUndefined();
  });
});

describe('links', () => {
  const thread = b64('{"_type":"Thread","id":"3297702377725952"}');
  const message = b64('{"_type":"Message","id":"3297706135822336"}');

  it('takes a thread starter id from the thread and a reply id from its message segment', () => {
    expect(messageIdOfLink(`/main/threads/${thread}`, PAGE)).toBe('3297702377725952');
    expect(messageIdOfLink(`/main/org/musterwerk.example/threads/${thread}/${message}?trk=1`, PAGE)).toBe(
      '3297706135822336',
    );
  });

  it('never falls back to the thread id when a message segment is malformed', () => {
    expect(messageIdOfLink(`/main/threads/${thread}/garbage`, PAGE)).toBeUndefined();
    expect(messageIdOfLink(`/main/threads/${message}`, PAGE)).toBeUndefined();
    expect(messageIdOfLink('http://[::1', PAGE)).toBeUndefined();
  });

  it('reads user ids from profile and storyline links', () => {
    const user = b64('{"_type":"User","id":"1801245540352"}');
    expect(userIdOfLink(`/main/users/${user}/storyline`, PAGE)).toBe('1801245540352');
    expect(userIdOfLink('/main/users/', PAGE)).toBeUndefined();
  });
});

describe('the adapter on its fixtures', () => {
  it('gives nested replies their own message ids and authors', () => {
    const { doc, url } = fixture('feed-2026-11-22.html');
    const [starter, ...rest] = adapter.findPosts(doc);
    if (!starter) throw new Error('no posts');
    const reply = rest.find((post) => starter.contains(post));
    expect(reply).toBeDefined();
    expect(adapter.readPost(starter, url)).toMatchObject({
      postId: '3297749157707776',
      author: { name: 'Priya Natarajan', id: '1801245543424' },
    });
    expect(adapter.readPost(starter, url)?.excerpt).not.toContain('Ich kenne die Sensoren');
    expect(adapter.readPost(reply as Element, url)).toMatchObject({
      postId: '3297751842283520',
      author: { name: 'Lukas Hoffmann' },
      excerpt: 'Ich kenne die Sensoren an Linie 3 ziemlich gut. Donnerstag nach der Frühschicht?',
    });
    // A node inside the reply belongs to the reply, not to the thread around it.
    const button = (reply as Element).querySelector('button');
    expect(button && adapter.closestPost(button)).toBe(reply);
  });

  it('ignores layout columns that own no action row, and mounts before "More actions"', () => {
    const { doc } = fixture('single-post-2026-11-22.html');
    const aside = doc.querySelector('aside.y-fixedGridColumn');
    expect(aside && adapter.closestPost(aside)).toBeNull();
    const posts = adapter.findPosts(doc);
    expect(posts.map((post) => post.className.split(' ')[0])).toEqual([
      'qaThreadStarter',
      'y-fixedGridColumn',
      'y-fixedGridColumn',
      'y-fixedGridColumn',
    ]);
    const point = posts[0] && adapter.mountPoint(posts[0]);
    expect(point?.parent.getAttribute('data-testid')).toBe('overflow-set');
    expect((point?.before as Element | null)?.querySelector('[aria-label="More actions"]')).not.toBeNull();
  });

  it('matches Engage hosts only, and reads the signed-in user from the me-control', () => {
    const { doc, url } = fixture('no-posts-2026-11-22.html');
    expect(adapter.matches(url, doc)).toBe(true);
    expect(adapter.matches(new URL('https://web.yammer.com/main/feed'), doc)).toBe(true);
    expect(adapter.matches(new URL('https://engage.example.com/main/feed'), doc)).toBe(false);
    expect(adapter.currentUser(doc, url)).toEqual({ name: 'Mara Keller' });
  });
});
