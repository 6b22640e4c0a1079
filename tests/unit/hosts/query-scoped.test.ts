import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { queryScoped } from '../../../lib/hosts/read-dom';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('queryScoped', () => {
  it('finds exactly what querySelector finds, for every post of the demo feed', () => {
    const html = readFileSync(join(ROOT, 'tests/fixtures/hosts/demo/feed-2026-11-22.html'), 'utf8');
    const doc = new new Window().DOMParser().parseFromString(html, 'text/html');
    const posts = [...doc.querySelectorAll('article.post')];
    expect(posts.length).toBeGreaterThan(10);
    const selectors = [
      ':scope > header > a.post-author',
      ':scope > header > a.post-permalink',
      ':scope > .post-body',
      ':scope > footer.post-actions',
      ':scope > ol.replies > li > article.post',
      ':scope > header a[href^="/people/"]',
      ':scope > header > a:not(.post-permalink)',
      ':scope > nothing-here',
    ];
    for (const post of posts) {
      for (const selector of selectors) {
        expect(queryScoped(post as unknown as Element, selector), selector).toBe(
          post.querySelector(selector),
        );
      }
    }
  });
});
