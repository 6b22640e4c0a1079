import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoAdapter } from '../../../lib/hosts/demo/adapter';
import type { HostAdapter } from '../../../lib/hosts/types';
import { observePosts } from '../../../lib/inject/post-observer';
import { SHADOW_HOST_TAG } from '../../../lib/inject/shadow-host';
import { demoPage, footer, post } from './demo-posts';
import { controlFrames, settle } from './frames';

let feed: HTMLElement;
let frames: ReturnType<typeof controlFrames>;
let stop: () => void;
const onPost = vi.fn<(post: Element) => void>();
const onRemoval = vi.fn<() => void>();
let live = true;

function start(adapter: HostAdapter = demoAdapter) {
  stop = observePosts(document, adapter, { onPost, onRemoval, isLive: () => live });
}

const ids = () => onPost.mock.calls.map(([el]) => el.getAttribute('data-post-id'));

beforeEach(() => {
  feed = demoPage();
  frames = controlFrames();
  live = true;
  onPost.mockClear();
  onRemoval.mockClear();
});

afterEach(() => {
  stop();
  vi.unstubAllGlobals();
});

describe('observePosts', () => {
  it('hands over the posts already on the page at once, replies included', () => {
    feed.append(post('1', { replies: ['2', '3'] }), post('4'));
    start();
    expect(ids()).toEqual(['1', '2', '3', '4']);
    expect(frames.requested).toBe(0);
  });

  it('handles the first change of a frame at once and batches the rest of that frame into one flush', async () => {
    start();
    for (let i = 0; i < 30; i++) {
      feed.append(post(String(100 + i)));
      // Separate tasks, so each append reaches the observer as its own callback.
      await settle();
    }
    // Extra changes inside a post already handled in this frame.
    feed.querySelector('#post-100 .post-body')?.append(document.createElement('p'));
    await settle();

    // The first append got its mount within the same task; the others wait for the frame.
    expect(ids()).toEqual(['100']);
    await frames.next();
    expect(ids()).toEqual(['100', ...Array.from({ length: 29 }, (_, i) => String(101 + i)), '100']);
    expect(frames.requested).toBe(2);
    expect(frames.pending).toBe(0);
  });

  it('handles a big burst in the next frame, not in the observer callback', async () => {
    start();
    for (let i = 0; i < 150; i++) feed.append(post(String(1000 + i)));
    await settle();
    expect(onPost).not.toHaveBeenCalled();
    await frames.next();
    expect(onPost).toHaveBeenCalledTimes(150);
  });

  it('brings back a post whose footer the host re-rendered, and reports the removal after it', async () => {
    feed.append(post('1'), post('2'));
    start();
    onPost.mockClear();
    feed.querySelector('#post-2 > footer')?.replaceWith(footer());
    await frames.next();
    expect(ids()).toEqual(['2']);
    expect(onRemoval).toHaveBeenCalledTimes(1);
    expect(onRemoval.mock.invocationCallOrder[0]).toBeGreaterThan(onPost.mock.invocationCallOrder[0] ?? 0);
  });

  it('brings back a post when only our mount was thrown out of it', async () => {
    feed.append(post('1'));
    const host = document.createElement(SHADOW_HOST_TAG);
    feed.querySelector('#post-1 > footer')?.append(host);
    start();
    onPost.mockClear();
    // A framework that clears nodes it did not render.
    host.remove();
    await frames.next();
    expect(ids()).toEqual(['1']);
    expect(onRemoval).toHaveBeenCalledTimes(1);
  });

  it('does not schedule a frame for our own hosts arriving', async () => {
    feed.append(post('1'));
    start();
    feed.querySelector('#post-1 > footer')?.append(document.createElement(SHADOW_HOST_TAG));
    await settle();
    expect(frames.requested).toBe(0);
  });

  it('rescans the document once instead of walking a burst of more than 400 added nodes', async () => {
    const findPosts = vi.fn(demoAdapter.findPosts);
    start({ ...demoAdapter, findPosts });
    findPosts.mockClear();
    for (let i = 0; i < 450; i++) feed.append(post(String(1000 + i)));
    await frames.next();
    expect(findPosts).toHaveBeenCalledTimes(1);
    expect(findPosts).toHaveBeenCalledWith(document);
    expect(onPost).toHaveBeenCalledTimes(450);
  });

  it('walks only the added nodes up to 400', async () => {
    const findPosts = vi.fn(demoAdapter.findPosts);
    start({ ...demoAdapter, findPosts });
    findPosts.mockClear();
    for (let i = 0; i < 400; i++) feed.append(post(String(1000 + i)));
    await frames.next();
    expect(findPosts).toHaveBeenCalledTimes(400);
    expect(findPosts).not.toHaveBeenCalledWith(document);
  });

  it('skips nodes that left again before the frame', async () => {
    start();
    // Uses up the frame's immediate flush, so what follows waits for the frame.
    feed.append(post('0'));
    await settle();
    const gone = post('1');
    feed.append(gone, post('2'));
    await settle();
    gone.remove();
    await frames.next();
    expect(ids()).toEqual(['0', '2']);
  });

  it('does nothing once the caller is gone', async () => {
    start();
    live = false;
    feed.append(post('1'));
    await frames.next();
    expect(onPost).not.toHaveBeenCalled();
    expect(onRemoval).not.toHaveBeenCalled();
  });

  it('stops observing on teardown, frames already requested included', async () => {
    start();
    feed.append(post('1'));
    await settle();
    feed.append(post('2'));
    await settle();
    expect(frames.pending).toBe(2);
    stop();
    expect(frames.pending).toBe(0);
    feed.append(post('3'));
    await frames.next();
    expect(ids()).toEqual(['1']);
    expect(frames.requested).toBe(2);
  });
});
