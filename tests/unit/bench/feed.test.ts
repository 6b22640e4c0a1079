// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFeed, postsIn } from '../../../bench/feed-data.mjs';
import { batchesOf, startFeedServer } from '../../../bench/feed-server.mjs';

describe('the generated feed', () => {
  it('is the same feed on every run', () => {
    expect(generateFeed({ count: 300 })).toEqual(generateFeed({ count: 300 }));
    expect(generateFeed({ count: 300, seed: 1 })).not.toEqual(generateFeed({ count: 300 }));
  });

  it('has exactly as many posts as asked for, replies included, some threads with replies', () => {
    for (const count of [0, 1, 2, 5_000]) {
      expect(generateFeed({ count }).reduce((sum, thread) => sum + postsIn(thread), 0)).toBe(count);
    }
    const feed = generateFeed({ count: 5_000 });
    expect(feed.filter((thread) => thread.replies.length > 0).length).toBeGreaterThan(feed.length / 10);
    const ids = feed.flatMap((thread) => [thread.id, ...thread.replies.map((reply) => reply.id)]);
    expect(new Set(ids).size).toBe(5_000);
  });

  it('writes posts the demo adapter can read: an author with id and profile, paragraphs, a date', () => {
    for (const post of generateFeed({ count: 50 })) {
      expect(post.author.id).toMatch(/^[a-z]+\.[a-z]+$/);
      expect(post.author.profileUrl).toBe(`/people/${post.author.id}`);
      expect(post.body.trim()).not.toBe('');
      expect(Number.isNaN(Date.parse(post.createdAt))).toBe(false);
    }
    expect(() => generateFeed({ count: -1 })).toThrow('count must be a whole number');
  });

  it('splits into batches that point at the next one', () => {
    const batches = batchesOf(generateFeed({ count: 100 }), 25);
    expect(batches.at(-1)?.next).toBeNull();
    batches.slice(0, -1).forEach((batch, index) => {
      expect(batch.posts).toHaveLength(25);
      expect(batch.next).toBe(index + 1);
    });
  });
});

describe('the feed server', () => {
  let server: Awaited<ReturnType<typeof startFeedServer>>;
  beforeAll(async () => {
    server = await startFeedServer({ postCount: 120, threadsPerBatch: 25 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves a page the demo adapter recognises, with the current user and the feed script', async () => {
    const response = await fetch(`${server.url}/`);
    const page = await response.text();
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page).toContain('<meta name="generator" content="Rueckenwind demo intranet">');
    expect(page).toMatch(
      /<a class="current-user" href="\/people\/mara\.keller" data-user-id="mara\.keller">/,
    );
    expect(page).toContain('<script src="/assets/feed-page.js" defer></script>');
    for (const asset of ['/assets/feed-page.js', '/assets/intranet.css']) {
      expect((await fetch(`${server.url}${asset}`)).status).toBe(200);
    }
  });

  it('hands out every post once, batch by batch', async () => {
    let total = 0;
    for (let batch: number | null = 0; batch !== null; ) {
      const body = (await (await fetch(`${server.url}/api/feed?batch=${batch}`)).json()) as {
        posts: Parameters<typeof postsIn>[0][];
        next: number | null;
      };
      total += body.posts.reduce((sum, post) => sum + postsIn(post), 0);
      batch = body.next;
    }
    expect(total).toBe(server.postCount);
    expect(server.postCount).toBe(120);
    expect((await fetch(`${server.url}/api/feed?batch=99`)).status).toBe(404);
    expect((await fetch(`${server.url}/elsewhere`)).status).toBe(404);
  });
});
