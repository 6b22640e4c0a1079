import { render } from 'preact';
import { type PageActions, PostActions } from '../../components/thank/PostActions';
import { POST_ACTIONS_CSS } from '../../components/thank/styles';
import type { ThanksState } from '../../components/thank/ThankButton';
import type { HostAdapter } from '../hosts/types';
import { type Cell, cell } from './cell';
import { createShadowHost } from './shadow-host';

type Options = {
  doc: Document;
  adapter: HostAdapter;
  pageUrl: () => URL;
  page: PageActions;
  /** Asks how the user's thanks on these posts stand (saved, sent, failed). */
  fetchStates: (postIds: string[]) => Promise<Array<{ postId: string; state: ThanksState }>>;
};

/**
 * Mounts one set of actions per post, idempotently: a post that already carries a live mount is
 * skipped, one whose mount the host's framework threw away gets a new one. Nothing here keeps a post
 * the page has dropped alive: posts are only weakly held, and `sweep` unmounts what left the page, so
 * the maps below are bounded by what the page shows now, not by everything it ever showed.
 */
export function createPostActionsMounter({ doc, adapter, pageUrl, page, fetchStates }: Options) {
  const mountOfPost = new WeakMap<Element, HTMLElement>();
  /** Every mount not yet taken down (connected, or detached since the last sweep). */
  const mounts = new Map<HTMLElement, { container: HTMLElement; postId: string }>();
  /** One state per post id, shared by its mounts (a post shown twice), dropped with its last mount. */
  const states = new Map<string, { cell: Cell<ThanksState>; mounts: number }>();
  let unknownIds = new Set<string>();
  let statusQueued = false;
  let mounted = 0;

  const stateOf = (postId: string) => {
    let shared = states.get(postId);
    if (!shared) {
      shared = { cell: cell<ThanksState>({ kind: 'idle' }), mounts: 0 };
      states.set(postId, shared);
      unknownIds.add(postId);
    }
    shared.mounts += 1;
    return shared.cell;
  };

  const setState = (postId: string, state: ThanksState) => {
    states.get(postId)?.cell.set(state);
  };

  const askStates = () => {
    statusQueued = false;
    // A post that left again before the question went out needs no answer.
    const ids = [...unknownIds].filter((id) => states.has(id));
    unknownIds = new Set();
    if (ids.length === 0) return;
    void fetchStates(ids).then((found) => {
      for (const { postId, state } of found) setState(postId, state);
    });
  };

  const unmount = (host: HTMLElement) => {
    const mount = mounts.get(host);
    if (!mount) return;
    mounts.delete(host);
    // Unmounting also unsubscribes the mount from its state, which would otherwise keep it alive.
    render(null, mount.container);
    host.remove();
    const shared = states.get(mount.postId);
    if (!shared) return;
    shared.mounts -= 1;
    if (shared.mounts === 0) states.delete(mount.postId);
  };

  const mount = (post: Element) => {
    const existing = mountOfPost.get(post);
    if (existing?.isConnected && post.contains(existing)) return;
    const ref = adapter.readPost(post, pageUrl());
    const point = ref && adapter.mountPoint(post);
    if (!ref || !point) return;
    const { host, container } = createShadowHost(doc, POST_ACTIONS_CSS);
    mounted += 1;
    // Rendered before it enters the page: the page never sees a half-built host, nor its layout twice.
    render(
      <PostActions post={ref} state={stateOf(ref.postId)} page={page} idPrefix={`rueckenwind-${mounted}`} />,
      container,
    );
    mounts.set(host, { container, postId: ref.postId });
    point.parent.insertBefore(host, point.before ?? null);
    mountOfPost.set(post, host);
    // After the new mount took its share of the state, so a re-rendered post keeps it without asking again.
    if (existing) unmount(existing);
    if (!statusQueued && unknownIds.size > 0) {
      statusQueued = true;
      // One question per batch of new posts, not one per post.
      queueMicrotask(askStates);
    }
  };

  /** Takes down the mounts that left the page with their post (or were thrown out of it). */
  const sweep = () => {
    for (const host of mounts.keys()) if (!host.isConnected) unmount(host);
  };

  const teardown = () => {
    for (const host of mounts.keys()) unmount(host);
    unknownIds.clear();
  };

  return { mount, sweep, setState, teardown };
}
