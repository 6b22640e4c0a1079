import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PostRefSchema } from '../../../lib/db/schemas';
import { ADAPTERS } from '../../../lib/hosts/registry';
import type { FixturePages, SelectorExpectations } from '../../../lib/hosts/selectors';
import type { HostAdapter } from '../../../lib/hosts/types';
import { parsePage } from './parse-page';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

type SelectorModule = {
  selectors: Record<string, string>;
  fixtures: FixturePages;
  selectorExpectations: SelectorExpectations<string>;
};

async function selectorModule(adapter: HostAdapter): Promise<SelectorModule> {
  return (await import(`../../../lib/hosts/${adapter.id}/selectors.ts`)) as SelectorModule;
}

function loadFixture(adapter: HostAdapter, file: string, url: string): Document {
  const html = readFileSync(join(ROOT, 'tests', 'fixtures', 'hosts', adapter.id, file), 'utf8');
  return parsePage(html, url);
}

function count(adapter: HostAdapter, doc: Document, css: string, scope: 'document' | 'post'): number {
  if (scope === 'document') return doc.querySelectorAll(css).length;
  return adapter.findPosts(doc).filter((post) => post.querySelector(css) !== null).length;
}

describe.each(ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('the %s adapter', (id, adapter) => {
  it('has dated fixture pages: a feed, a single post with replies and a page without posts', async () => {
    const { fixtures } = await selectorModule(adapter);
    const files = Object.keys(fixtures);
    for (const file of files) {
      expect(file).toMatch(/-\d{4}-\d{2}-\d{2}\.html$/);
      expect(existsSync(join(ROOT, 'tests', 'fixtures', 'hosts', id, file)), file).toBe(true);
    }
    const postCounts = Object.values(fixtures).map((page) => page.posts);
    expect(postCounts.some((n) => n > 1)).toBe(true);
    expect(postCounts).toContain(0);
    // Every fixture in the folder is accounted for.
    const onDisk = readdirSync(join(ROOT, 'tests', 'fixtures', 'hosts', id)).filter((f) =>
      f.endsWith('.html'),
    );
    expect(onDisk.sort()).toEqual(files.sort());
  });

  it('matches every selector as often as its expectations say', async () => {
    const { selectors, fixtures, selectorExpectations } = await selectorModule(adapter);
    expect(Object.keys(selectorExpectations).sort()).toEqual(Object.keys(selectors).sort());
    for (const [key, { scope, expect: expectations }] of Object.entries(selectorExpectations)) {
      expect(expectations.length, `${key} has no fixture expectation`).toBeGreaterThan(0);
      for (const [expected, file] of expectations) {
        const page = fixtures[file];
        if (!page) throw new Error(`${key} names ${file}, which is not among the fixtures`);
        const doc = loadFixture(adapter, file, page.url);
        const css = selectors[key];
        if (!css) throw new Error(`no selector ${key}`);
        expect(count(adapter, doc, css, scope), `${key} on ${file}`).toBe(expected);
      }
    }
  });

  it('reads every post of every fixture: id, author, permalink, and a place for the buttons', async () => {
    const { fixtures } = await selectorModule(adapter);
    for (const [file, page] of Object.entries(fixtures)) {
      const doc = loadFixture(adapter, file, page.url);
      const url = new URL(page.url);
      expect(adapter.matches(url, doc), `${file} is recognised`).toBe(true);
      const posts = adapter.findPosts(doc);
      expect(posts, file).toHaveLength(page.posts);
      const ids = new Set<string>();
      for (const post of posts) {
        const ref = adapter.readPost(post, url);
        expect(PostRefSchema.safeParse(ref).success, `a post on ${file}`).toBe(true);
        if (ref) ids.add(ref.postId);
        expect(adapter.mountPoint(post), `mount point on ${file}`).toBeDefined();
      }
      expect(ids.size, `post ids on ${file} are unique`).toBe(posts.length);
    }
  });

  it('runs in a content script of its own', () => {
    const source = readFileSync(join(ROOT, 'entrypoints', `${id}.content.ts`), 'utf8');
    expect(source).toContain(`from '../lib/hosts/${id}/adapter'`);
    expect(source).toMatch(/main: \(ctx\) => startContentScript\(ctx, \w+Adapter\)/);
  });

  it('has a row in the README table of supported intranets', () => {
    const escaped = adapter.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(README).toMatch(new RegExp(`^\\|\\s*${escaped}\\s*\\|`, 'm'));
  });
});
