import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { mattermostAdapter as adapter } from '../../../lib/hosts/mattermost/adapter';
import { fixtures } from '../../../lib/hosts/mattermost/selectors';
import { ADAPTERS, adapterFor } from '../../../lib/hosts/registry';
import type { FixturePages } from '../../../lib/hosts/selectors';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'hosts');
const FEED = 'feed-2026-11-22.html';
const SINGLE = 'single-post-2026-11-22.html';
const NONE = 'no-posts-2026-11-22.html';
const ORIGIN = 'https://chat.musterwerk.example';

// Ids in the fixtures.
const ME = 'qmcu7cqxjstydmfbc8nxhuw7t5';
const PRIYA = 'zxcr5xn1pq9yxgodzetz8uc48h';
const PRIYA_POSTS = [
  '6fyqus4y6bucxi5f1jw8f8h7mx',
  'mxdwwsq5zt1c4bsfgn1ns164cj',
  'zectgxujqzkeoszx71sb49fn78',
];
const MARA_FOLLOW_UP_REPLY = 't7r4z973nibjj5z9kriy6xbnff';

function load(host: string, file: string, address: string) {
  const window = new Window({
    url: address,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  const html = readFileSync(join(FIXTURES, host, file), 'utf8');
  // Parsed, never run: no scripts, no network.
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { doc, url: new URL(address) };
}

const page = (file: string) => load('mattermost', file, fixtures[file]?.url ?? '');
const byId = (doc: Document, id: string) => doc.getElementById(id) as Element;

describe('the Mattermost adapter', () => {
  it('reads a follow-up post by the same author: id from the group’s first post, permalink to itself', () => {
    const { doc, url } = page(FEED);
    const followUp = byId(doc, `post_${PRIYA_POSTS[1]}`);
    // What Mattermost renders for a follow-up: no avatar, no time, a name hidden by CSS.
    expect(followUp.classList.contains('same--user')).toBe(true);
    expect(followUp.querySelector('.post__img img, a.post__permalink')).toBeNull();
    expect(adapter.readPost(followUp, url)).toEqual({
      host: 'mattermost',
      origin: ORIGIN,
      postId: PRIYA_POSTS[1],
      permalink: `${ORIGIN}/werk-nord/pl/${PRIYA_POSTS[1]}`,
      excerpt: 'Two of them already found a sensor that drifts every Monday morning.',
      author: { name: 'Priya Natarajan', id: PRIYA },
    });
    expect(adapter.readPost(byId(doc, `post_${PRIYA_POSTS[2]}`), url)?.author).toEqual({
      name: 'Priya Natarajan',
      id: PRIYA,
    });
  });

  it('takes the name from the group’s first post when a follow-up has none', () => {
    const { doc, url } = page(FEED);
    const followUp = byId(doc, `post_${PRIYA_POSTS[2]}`);
    followUp.querySelector('.col__name')?.remove();
    expect(adapter.readPost(followUp, url)?.author).toEqual({ name: 'Priya Natarajan', id: PRIYA });
  });

  it('still reads a follow-up whose group start was scrolled out of the list, without the author’s id', () => {
    const { doc, url } = page(FEED);
    byId(doc, `post_${PRIYA_POSTS[0]}`).closest('.item_measurer')?.remove();
    expect(adapter.readPost(byId(doc, `post_${PRIYA_POSTS[1]}`), url)?.author).toEqual({
      name: 'Priya Natarajan',
    });
  });

  it('reads thread-viewer posts (rhsPost_…), a follow-up reply included', () => {
    const { doc, url } = page(SINGLE);
    const reply = byId(doc, `rhsPost_${MARA_FOLLOW_UP_REPLY}`);
    expect(reply.classList.contains('same--user')).toBe(true);
    expect(adapter.readPost(reply, url)).toMatchObject({
      postId: MARA_FOLLOW_UP_REPLY,
      permalink: `${ORIGIN}/werk-nord/pl/${MARA_FOLLOW_UP_REPLY}`,
      author: { name: 'Mara Keller', id: ME },
    });
  });

  it('leaves system messages out', () => {
    const { doc } = page(FEED);
    expect(doc.querySelectorAll('.post--system')).toHaveLength(1);
    expect(adapter.findPosts(doc).some((p) => p.classList.contains('post--system'))).toBe(false);
    expect(adapter.findPosts(page(NONE).doc)).toEqual([]);
  });

  it('mounts in the row under the message where reactions go, not in the hover menu', () => {
    const { doc } = page(FEED);
    const post = byId(doc, `post_${PRIYA_POSTS[2]}`);
    const point = adapter.mountPoint(post);
    expect(point?.parent.matches('.post__body > .post__body-reactions-acks')).toBe(true);
    expect(point?.parent.closest('.post')).toBe(post);
    expect(point?.before).toBeUndefined();
  });

  it('knows the signed-in user from the account avatar and their own posts, and only then', () => {
    for (const file of [FEED, SINGLE]) {
      const { doc, url } = page(file);
      expect(adapter.currentUser(doc, url)).toEqual({ name: 'Mara Keller', id: ME });
    }
    const { doc, url } = page(NONE);
    expect(adapter.currentUser(doc, url)).toBeUndefined();
  });

  it('is the adapter chosen for its pages, and recognises no other host’s', async () => {
    for (const file of [FEED, SINGLE, NONE]) {
      const { doc, url } = page(file);
      expect(adapterFor(url, doc)?.id).toBe('mattermost');
    }
    for (const other of ADAPTERS.filter((a) => a.id !== 'mattermost')) {
      const module = (await import(`../../../lib/hosts/${other.id}/selectors.ts`)) as {
        fixtures: FixturePages;
      };
      for (const [file, { url: address }] of Object.entries(module.fixtures)) {
        const { doc, url } = load(other.id, file, address);
        expect(adapter.matches(url, doc), `${other.id}/${file}`).toBe(false);
      }
    }
  });
});
