import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { demoAdapter } from '../../../lib/hosts/demo/adapter';
import type { PageActions } from '../../../lib/inject/composers-contract';
import { createPostActionsMounter, STATUS_DELAY_MS } from '../../../lib/inject/mount-post-actions';
import { createButtonsKit } from '../../../lib/inject/post-buttons';
import { observePosts } from '../../../lib/inject/post-observer';
import { SHADOW_HOST_TAG } from '../../../lib/inject/shadow-host';
import type { PostState } from '../../../lib/inject/wol-state';
import { fail, ok } from '../../../lib/messages/result';
import { demoPage, footer, PAGE_URL, post } from './demo-posts';
import { controlFrames, settle } from './frames';

/** Every state cell the mounter creates, weakly, to count how many it keeps. */
const cells = vi.hoisted(() => [] as Array<WeakRef<object>>);
vi.mock('../../../lib/inject/cell', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../lib/inject/cell')>();
  return {
    ...original,
    cell: <T>(initial: T) => {
      const made = original.cell(initial);
      cells.push(new WeakRef(made));
      return made;
    },
  };
});

// The unit-test browser has no i18n; the message key is text enough here.
Object.assign(fakeBrowser.i18n, { getMessage: (name: string) => name });

const page: PageActions = {
  me: { name: 'Mara Keller', id: 'mara.keller' },
  addressForm: 'sie',
  values: [],
  wolHashtag: '#WOL',
  hasTargets: false,
  listTargets: async () => ok({ unavailable: 'unsupported' as const }),
  saveThanks: async () => undefined,
  saveWol: async () => ({ id: 'wol-1' }),
  retryThanks: async () => undefined,
  retryWol: async () => undefined,
  announce: (text) => announced.push(text),
};
/** What screen readers were told, through the page's live region. */
let announced: string[];

let feed: HTMLElement;
let frames: ReturnType<typeof controlFrames>;
let stop: () => void;
let fetchStates: ReturnType<
  typeof vi.fn<(ids: string[]) => Promise<Array<{ postId: string; state: Partial<PostState> }>>>
>;
let mounter: ReturnType<typeof createPostActionsMounter>;
const attachShadow = HTMLElement.prototype.attachShadow;
/** The closed shadow root behind each host, which the page (and so the test) cannot otherwise reach. */
let rootOf: WeakMap<Element, ShadowRoot>;

function start() {
  mounter = createPostActionsMounter({
    doc: document,
    adapter: demoAdapter,
    pageUrl: () => PAGE_URL,
    // The composers are another script (e2e tests open them); here they cannot be loaded.
    kit: createButtonsKit(document, page, async () => fail('errorExtensionReloaded')),
    fetchStates,
  });
  const stopObserving = observePosts(document, demoAdapter, {
    onPost: mounter.mount,
    onRemoval: mounter.sweep,
    isLive: () => true,
  });
  stop = () => {
    stopObserving();
    mounter.teardown();
  };
}

const hostsIn = (root: ParentNode) => Array.from(root.querySelectorAll(SHADOW_HOST_TAG));
/** Hosts that sit where the adapter mounts: directly in the post's own footer. */
const mountsOf = (article: Element) =>
  Array.from(article.querySelectorAll(`:scope > footer > ${SHADOW_HOST_TAG}`));
const thankButtonOf = (host: Element | undefined) =>
  (host && rootOf.get(host)?.querySelector('button.thank')) ?? null;

/** Waits until the question about the posts mounted so far has gone out, and its answer is in. */
async function statesAsked() {
  await new Promise((resolve) => setTimeout(resolve, STATUS_DELAY_MS + 20));
  await settle();
}

/** Lets answers to the state questions arrive, and the frame after them run. */
async function paint() {
  await frames.next();
  await statesAsked();
}

/** Every post id asked about, each must be asked about once. */
function askedIds() {
  const ids = fetchStates.mock.calls.flat(2);
  expect(new Set(ids).size).toBe(ids.length);
  return new Set(ids);
}

/** Every post on the page carries exactly one mount, and there are no others. */
function expectOneMountPerPost() {
  const posts = Array.from(document.querySelectorAll('article.post'));
  expect(posts.map((el) => mountsOf(el).length)).toEqual(posts.map(() => 1));
  expect(hostsIn(document)).toHaveLength(posts.length);
}

beforeEach(() => {
  feed = demoPage();
  announced = [];
  frames = controlFrames();
  fetchStates = vi.fn(async () => []);
  rootOf = new WeakMap();
  // Patched by hand: a spy would record every host it was called on and so keep them all alive.
  HTMLElement.prototype.attachShadow = function (this: HTMLElement, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    rootOf.set(this, root);
    return root;
  };
});

afterEach(() => {
  stop();
  HTMLElement.prototype.attachShadow = attachShadow;
  vi.unstubAllGlobals();
});

const wolButtonOf = (postId: string) => {
  const [host] = mountsOf(feed.querySelector(`#post-${postId}`) as Element);
  return (host && rootOf.get(host)?.querySelector('button.wol')) ?? null;
};
const wolNews = (news: {
  id: string;
  postId?: string;
  state: 'pending' | 'sent' | 'failed';
  error?: string;
}) => mounter.wolNews({ type: 'wolPost.state', origin: PAGE_URL.origin, ...news });

describe('the work-out-loud state of the posts on a page', () => {
  it('shows the WOL states the answer about new posts holds, next to the thanks states', async () => {
    fetchStates.mockResolvedValue([
      { postId: '2', state: { thanks: { kind: 'sent' } } },
      { postId: '2', state: { wol: { kind: 'failed', error: 'HTTP 403', id: 'w1' } } },
    ]);
    feed.append(post('1'), post('2'));
    start();
    await paint();
    expect(wolButtonOf('2')?.getAttribute('data-state')).toBe('failed');
    expect(
      thankButtonOf(mountsOf(feed.querySelector('#post-2') as Element)[0])?.getAttribute('data-state'),
    ).toBe('sent');
    expect(wolButtonOf('1')?.getAttribute('data-state')).toBe('idle');
    // Loading states is not news: nothing is announced.
    expect(announced).toEqual([]);
  });

  it('shows how the delivery of a WOL post ended on the post it links, and tells screen readers', async () => {
    feed.append(post('1'), post('2'));
    start();
    await paint();
    mounter.setState('1', { wol: { kind: 'saved', id: 'w1' } });
    wolNews({ id: 'w1', postId: '1', state: 'failed', error: 'HTTP 403' });
    expect(wolButtonOf('1')?.getAttribute('data-state')).toBe('failed');
    expect(announced).toEqual(['wolFailed']);
    wolNews({ id: 'w1', postId: '1', state: 'sent' });
    expect(wolButtonOf('1')?.getAttribute('data-state')).toBe('sent');
    expect(announced).toEqual(['wolFailed', 'wolSent']);
    expect(wolButtonOf('2')?.getAttribute('data-state')).toBe('idle');
  });

  it('finds the post a WOL post that links none was written from, by its id', async () => {
    feed.append(post('1'), post('2'));
    start();
    await paint();
    mounter.setState('2', { wol: { kind: 'saved', id: 'w9' } });
    wolNews({ id: 'w9', state: 'sent' });
    expect(wolButtonOf('2')?.getAttribute('data-state')).toBe('sent');
    expect(wolButtonOf('1')?.getAttribute('data-state')).toBe('idle');
    // One this page never showed is nobody's here.
    wolNews({ id: 'elsewhere', state: 'failed', error: 'HTTP 500' });
    expect(announced).toEqual(['wolSent']);
  });

  it('lets news about an older WOL post not hide a newer one, and shows one saved in another tab', async () => {
    feed.append(post('1'));
    start();
    await paint();
    mounter.setState('1', { wol: { kind: 'saved', id: 'new' } });
    wolNews({ id: 'old', postId: '1', state: 'sent' });
    expect(wolButtonOf('1')?.getAttribute('data-state')).toBe('saved');
    wolNews({ id: 'newer', postId: '1', state: 'pending' });
    wolNews({ id: 'new', postId: '1', state: 'failed', error: 'HTTP 500' });
    expect(wolButtonOf('1')?.getAttribute('data-state')).toBe('saved');
    wolNews({ id: 'newer', postId: '1', state: 'sent' });
    expect(wolButtonOf('1')?.getAttribute('data-state')).toBe('sent');
    expect(announced).toEqual(['wolSent']);
  });
});

describe('mounting on a changing page', () => {
  it('gives every post one mount, replies too, and posts the feed appends later one each', async () => {
    feed.append(post('1', { replies: ['2', '3'] }), post('4'));
    start();
    expectOneMountPerPost();
    expect(thankButtonOf(hostsIn(feed)[0])?.getAttribute('aria-label')).toBe('thankButtonLabel');

    for (let i = 0; i < 20; i++) {
      feed.append(post(String(10 + i), { replies: [String(100 + i)] }));
      await settle();
    }
    await frames.next();
    expectOneMountPerPost();
    expect(hostsIn(document)).toHaveLength(44);
    // Posts arriving together share a question: far fewer questions than appends, every post in one.
    await statesAsked();
    expect(fetchStates.mock.calls.length).toBeLessThan(5);
    expect(askedIds().size).toBe(44);
  });

  it('mounts again, once, when the host re-renders a footer, and unmounts the old one', async () => {
    feed.append(post('1'), post('2'));
    start();
    const old = mountsOf(feed.querySelector('#post-2') as Element)[0];
    feed.querySelector('#post-2 > footer')?.replaceWith(footer());
    await frames.next();
    expectOneMountPerPost();
    expect(mountsOf(feed.querySelector('#post-2') as Element)[0]).not.toBe(old);
    // Taken out of the footer that left the page, its UI unmounted.
    expect(old?.isConnected).toBe(false);
    expect(old?.parentNode).toBe(null);
    expect(rootOf.get(old as Element)?.querySelector('button')).toBe(null);
  });

  it('mounts again when only our mount was thrown out of the post', async () => {
    feed.append(post('1'));
    start();
    hostsIn(feed)[0]?.remove();
    await frames.next();
    expectOneMountPerPost();
  });

  it('mounts a post replaced by a fresh copy once, keeping its thanks state without asking again', async () => {
    fetchStates.mockResolvedValue([{ postId: '2', state: { thanks: { kind: 'saved' } } }]);
    feed.append(post('1'), post('2'));
    start();
    await paint();
    const before = thankButtonOf(mountsOf(feed.querySelector('#post-2') as Element)[0]);
    expect(before?.getAttribute('data-state')).toBe('saved');

    // A keyed list re-rendering one item: a new element with the same key takes the old one's place.
    feed.querySelector('#post-2')?.replaceWith(post('2'));
    await frames.next();
    expectOneMountPerPost();
    await paint();
    const after = thankButtonOf(mountsOf(feed.querySelector('#post-2') as Element)[0]);
    expect(after).not.toBe(before);
    expect(after?.getAttribute('data-state')).toBe('saved');
    expect(fetchStates).toHaveBeenCalledTimes(1);
  });

  it('keeps the mount of a post the page only moves', async () => {
    feed.append(post('1'), post('2'));
    start();
    const host = mountsOf(feed.querySelector('#post-2') as Element)[0];
    feed.prepend(feed.querySelector('#post-2') as Element);
    await frames.next();
    expectOneMountPerPost();
    expect(mountsOf(feed.querySelector('#post-2') as Element)[0]).toBe(host);
  });

  it('copes with in-app navigation: the old posts unmounted, the new ones mounted once', async () => {
    feed.append(post('1'), post('2', { replies: ['3'] }), post('4'));
    start();
    const oldHosts = hostsIn(feed);
    // The router swaps the page's content; post 2 is on both pages.
    const page2 = document.createElement('main');
    page2.id = 'feed';
    page2.append(post('2', { replies: ['3', '5'] }));
    feed.replaceWith(page2);
    await frames.next();
    expectOneMountPerPost();
    expect(hostsIn(page2)).toHaveLength(3);
    expect(oldHosts.every((host) => !host.isConnected && host.parentNode === null)).toBe(true);
    // Back: the old page comes back as new elements.
    const back = document.createElement('main');
    back.append(post('1'), post('2', { replies: ['3', '5'] }), post('4'));
    page2.replaceWith(back);
    await frames.next();
    expectOneMountPerPost();
  });

  it('mounts each post of a burst of more than 400 once (the rescan path)', async () => {
    feed.append(post('1'));
    start();
    for (let i = 0; i < 450; i++) feed.append(post(String(1000 + i)));
    await frames.next();
    expectOneMountPerPost();
    expect(hostsIn(document)).toHaveLength(451);
  });

  it('takes every mount down on teardown and mounts nothing afterwards', async () => {
    feed.append(post('1', { replies: ['2'] }), post('3'));
    start();
    // One mount already detached by the page but not yet swept: teardown must reach it too.
    const detached = mountsOf(feed.querySelector('#post-3') as Element)[0];
    feed.querySelector('#post-3')?.remove();
    stop();
    expect(hostsIn(document)).toHaveLength(0);
    expect(detached?.parentNode).toBe(null);
    feed.append(post('4'));
    await frames.next();
    expect(hostsIn(document)).toHaveLength(0);
    expect(frames.pending).toBe(0);
  });
});

describe('memory', () => {
  // Node's collector, for proving that nothing of ours keeps a removed post alive.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;

  /** How many of these objects are still alive after collecting garbage. */
  async function survivors(refs: Array<WeakRef<object>>) {
    for (let round = 0; round < 5 && refs.some((ref) => ref.deref()); round++) {
      await settle();
      gc();
    }
    return refs.filter((ref) => ref.deref() !== undefined).length;
  }

  beforeEach(() => {
    cells.length = 0;
  });

  it('lets removed and re-rendered posts and their mounts be collected', async () => {
    feed.append(post('1'), post('2'), post('3'));
    start();
    // Lets the answers to the state questions arrive first.
    await paint();
    const refs: Array<WeakRef<object>> = [];
    const track = (el: Element | null | undefined) => {
      if (!el) throw new Error('missing element');
      refs.push(new WeakRef(el));
      for (const host of hostsIn(el)) refs.push(new WeakRef(host));
    };
    track(feed.querySelector('#post-1'));
    feed.querySelector('#post-1')?.remove();
    track(feed.querySelector('#post-2'));
    feed.querySelector('#post-2')?.replaceWith(post('2'));
    track(feed.querySelector('#post-3 > footer'));
    feed.querySelector('#post-3 > footer')?.replaceWith(footer());
    await frames.next();
    expect(refs).toHaveLength(6);
    expect(await survivors(refs)).toBe(0);
  });

  it('forgets the state of a post that left, so it asks again when the post comes back', async () => {
    feed.append(post('1'), post('2'));
    start();
    await statesAsked();
    expect(fetchStates.mock.calls).toEqual([[['1', '2']]]);
    feed.querySelector('#post-2')?.remove();
    await frames.next();
    feed.append(post('2'));
    await frames.next();
    await statesAsked();
    expect(fetchStates.mock.calls).toEqual([[['1', '2']], [['2']]]);
  });

  it('does not grow with the posts an infinite feed has shown', async () => {
    start();
    // A virtualised feed: 1,000 posts pass through, only the newest 20 stay in the page.
    for (let i = 0; i < 50; i++) {
      for (let j = 0; j < 20; j++) feed.append(post(String(10_000 + i * 20 + j)));
      await frames.next();
      while (feed.children.length > 20) feed.firstElementChild?.remove();
      await frames.next();
    }
    expectOneMountPerPost();
    expect(hostsIn(document)).toHaveLength(20);
    await statesAsked();
    // Posts that left before their question went out are not asked about; those still shown are.
    const asked = askedIds();
    for (const article of feed.querySelectorAll('article.post'))
      expect(asked.has(article.getAttribute('data-post-id') ?? '')).toBe(true);
    // One state per post id went by; only those of the 20 posts still shown are kept.
    expect(cells).toHaveLength(1000);
    expect(await survivors(cells)).toBe(20);
  }, 20_000);
});
