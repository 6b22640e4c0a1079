// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CURRENT_USER_ID, PEOPLE, seedPosts } from '../../../demo-intranet/seed.mjs';
import { createStore } from '../../../demo-intranet/store.mjs';

const now = new Date('2026-03-10T09:30:45.123Z');
const newStore = () => createStore({ people: PEOPLE, posts: seedPosts(now) });

describe('seed', () => {
  const posts = seedPosts(now);
  const byId = new Map(posts.map((post) => [post.id, post]));

  it('has about 60 posts by known people, the demo user among them, in the past', () => {
    expect(posts.length).toBeGreaterThanOrEqual(55);
    expect(posts.length).toBeLessThanOrEqual(65);
    const people = new Set(PEOPLE.map((person) => person.id));
    expect(posts.every((post) => people.has(post.authorId))).toBe(true);
    expect(posts.some((post) => post.authorId === CURRENT_USER_ID)).toBe(true);
    expect(posts.every((post) => Date.parse(post.createdAt) < now.getTime())).toBe(true);
    expect(new Set(posts.map((post) => post.id)).size).toBe(posts.length);
  });

  it('numbers posts in creation order and dates replies after their parents', () => {
    const times = posts.map((post) => Date.parse(post.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(posts.map((post) => Number(post.id))).toEqual(
      posts.map((_, index) => posts[0] && Number(posts[0].id) + index),
    );
    for (const post of posts.filter((p) => p.parentId !== null)) {
      const parent = byId.get(post.parentId ?? '');
      expect(parent).toBeDefined();
      expect(Date.parse(post.createdAt)).toBeGreaterThan(Date.parse(parent?.createdAt ?? ''));
    }
  });

  it('nests replies two levels deep, not more', () => {
    const store = newStore();
    const depths = Array.from(store.posts.values(), (post) => store.depthOf(post));
    expect(Math.max(...depths)).toBe(2);
    expect(depths.filter((depth) => depth === 0).length).toBeGreaterThan(30);
  });
});

describe('store', () => {
  it('pages top-level posts newest first, 10 at a time', () => {
    const store = newStore();
    const count = store.topLevelIds.length;
    const last = Math.ceil(count / 10);
    const pages = Array.from({ length: last }, (_, index) => store.listPage(index + 1));
    expect(pages.flatMap((page) => page.posts.map((post) => post.id))).toEqual(store.topLevelIds);
    expect(pages.map((page) => page.nextPage)).toEqual([
      ...Array.from({ length: last - 1 }, (_, i) => i + 2),
      null,
    ]);
    const created = pages.flatMap((page) => page.posts.map((post) => Date.parse(post.createdAt)));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('adds posts with fresh ids and attaches replies below depth 2 to the deepest thread', () => {
    const store = newStore();
    const maxId = Math.max(...Array.from(store.posts.keys(), Number));
    const top = store.addPost({ authorId: CURRENT_USER_ID, body: 'Hallo' });
    expect(top.id).toBe(String(maxId + 1));
    expect(store.topLevelIds[0]).toBe(top.id);

    const reply = store.addPost({ authorId: CURRENT_USER_ID, body: 'Eins', parent: top });
    const replyToReply = store.addPost({ authorId: CURRENT_USER_ID, body: 'Zwei', parent: reply });
    const tooDeep = store.addPost({ authorId: CURRENT_USER_ID, body: 'Drei', parent: replyToReply });
    expect([reply.parentId, replyToReply.parentId, tooDeep.parentId]).toEqual([top.id, reply.id, reply.id]);
    expect(store.toJson(top).replies[0]?.replies.map((r) => r.body)).toEqual(['Zwei', 'Drei']);
    expect(store.rootOf(tooDeep)).toBe(top);
  });
});
