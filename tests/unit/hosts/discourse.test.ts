import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { discourseAdapter as adapter } from '../../../lib/hosts/discourse/adapter';
import { fixtures } from '../../../lib/hosts/discourse/selectors';
import { ADAPTERS, adapterFor } from '../../../lib/hosts/registry';
import type { FixturePages } from '../../../lib/hosts/selectors';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'hosts');
const FEED = 'feed-2026-11-22.html';
const SINGLE = 'single-post-2026-11-22.html';
const NONE = 'no-posts-2026-11-22.html';

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

const page = (file: string) => load('discourse', file, fixtures[file]?.url ?? '');
const postById = (doc: Document, id: string) => {
  const post = adapter.findPosts(doc).find((p) => p.getAttribute('data-post-id') === id);
  if (!post) throw new Error(`no post ${id}`);
  return post;
};

describe('the Discourse adapter', () => {
  it('reads a post: numeric user id, profile, and a permalink without the viewer’s ?u= referral', () => {
    const { doc, url } = page(FEED);
    expect(adapter.readPost(postById(doc, '8802'), url)).toEqual({
      host: 'discourse',
      origin: 'https://forum.musterwerk.example',
      postId: '8802',
      permalink: 'https://forum.musterwerk.example/t/wol-circle-nord-woche-4-was-habt-ihr-geschafft/1187/2',
      excerpt:
        'I shared the defect-prediction notebook with the Line 3 shift leads. Two of them already found a sensor that drifts every Monday morning.',
      author: {
        name: 'Priya Natarajan',
        id: '57',
        profileUrl: 'https://forum.musterwerk.example/u/priya.natarajan',
      },
    });
  });

  it('numbers the first post too (its date link has no number) and shows a username when there is no name', () => {
    const { doc, url } = page(FEED);
    expect(adapter.readPost(postById(doc, '8801'), url)?.permalink).toBe(
      'https://forum.musterwerk.example/t/wol-circle-nord-woche-4-was-habt-ihr-geschafft/1187/1',
    );
    expect(adapter.readPost(postById(doc, '8808'), url)?.author.name).toBe('wei.chen');
  });

  it('skips small actions and cloaked posts', () => {
    const { doc } = page(FEED);
    const ids = adapter.findPosts(doc).map((p) => p.getAttribute('data-post-id'));
    expect(ids).not.toContain('8805');
    expect(doc.querySelector('#post_13')).not.toBeNull();
    expect(ids).toHaveLength(11);
  });

  it('treats replies embedded below a post as part of that post, not as posts of their own', () => {
    const { doc, url } = page(SINGLE);
    const first = postById(doc, '8901');
    const embedded = first.querySelector('.embedded-posts .reply[data-post-id="8902"] .cooked');
    expect(embedded).not.toBeNull();
    expect(adapter.closestPost(embedded as Element)).toBe(first);
    // The embedded replies' names and texts do not leak into the first post.
    expect(adapter.readPost(first, url)?.author.name).toBe('Lukas Hoffmann');
    expect(adapter.readPost(first, url)?.excerpt).toMatch(/^Am Samstag/);
    expect(adapter.findPosts(doc).map((p) => p.getAttribute('data-post-id'))).toEqual([
      '8901',
      '8902',
      '8903',
      '8904',
    ]);
  });

  it('mounts among the icon buttons of the post’s own action bar, before Reply', () => {
    const { doc } = page(SINGLE);
    const first = postById(doc, '8901');
    const point = adapter.mountPoint(first);
    expect(point?.parent.matches('nav.post-controls > .actions')).toBe(true);
    expect(point?.parent.closest('article')).toBe(first);
    expect(point?.before).toBe(point?.parent.querySelector(':scope > button.post-action-menu__reply'));
    expect(point?.before).not.toBeNull();
  });

  it('takes the signed-in user from the preloaded JSON, on every page', () => {
    for (const file of [FEED, SINGLE, NONE]) {
      const { doc, url } = page(file);
      expect(adapter.currentUser(doc, url)).toEqual({
        name: 'Mara Keller',
        id: '42',
        profileUrl: 'https://forum.musterwerk.example/u/mara.keller',
      });
    }
  });

  it('has no signed-in user for guests or unreadable preloaded data', () => {
    const { doc, url } = page(NONE);
    const preloaded = doc.querySelector('#data-preloaded') as Element;
    preloaded.setAttribute('data-preloaded', JSON.stringify({ site: '{}' }));
    expect(adapter.currentUser(doc, url)).toBeUndefined();
    preloaded.setAttribute('data-preloaded', '{"currentUser":"{not json');
    expect(adapter.currentUser(doc, url)).toBeUndefined();
  });

  it('is the adapter chosen for its pages, and recognises no other host’s', async () => {
    for (const file of [FEED, SINGLE, NONE]) {
      const { doc, url } = page(file);
      expect(adapterFor(url, doc)?.id).toBe('discourse');
    }
    for (const other of ADAPTERS.filter((a) => a.id !== 'discourse')) {
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
