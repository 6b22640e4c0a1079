import { render } from 'preact';
import { type PageActions, PostActions } from '../../components/thank/PostActions';
import { POST_ACTIONS_CSS } from '../../components/thank/styles';
import type { ThanksState } from '../../components/thank/ThankButton';
import type { HostAdapter } from '../hosts/types';
import { type Cell, cell } from './cell';
import { createShadowHost, SHADOW_HOST_TAG } from './shadow-host';

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
 * skipped, one whose mount the host's framework threw away gets a new one.
 */
export function createPostActionsMounter({ doc, adapter, pageUrl, page, fetchStates }: Options) {
  const mountOfPost = new WeakMap<Element, HTMLElement>();
  const containerOfHost = new WeakMap<Element, HTMLElement>();
  const states = new Map<string, Cell<ThanksState>>();
  let unknownIds = new Set<string>();
  let statusQueued = false;
  let mounts = 0;

  const stateOf = (postId: string) => {
    let state = states.get(postId);
    if (!state) {
      state = cell<ThanksState>({ kind: 'idle' });
      states.set(postId, state);
      unknownIds.add(postId);
    }
    return state;
  };

  const setState = (postId: string, state: ThanksState) => {
    const current = states.get(postId);
    current?.set(state);
  };

  const askStates = () => {
    statusQueued = false;
    const ids = [...unknownIds];
    unknownIds = new Set();
    if (ids.length === 0) return;
    void fetchStates(ids).then((found) => {
      for (const { postId, state } of found) setState(postId, state);
    });
  };

  const mount = (post: Element) => {
    const existing = mountOfPost.get(post);
    if (existing?.isConnected && post.contains(existing)) return;
    const ref = adapter.readPost(post, pageUrl());
    const point = ref && adapter.mountPoint(post);
    if (!ref || !point) return;
    const { host, container } = createShadowHost(doc, POST_ACTIONS_CSS);
    point.parent.insertBefore(host, point.before ?? null);
    mountOfPost.set(post, host);
    containerOfHost.set(host, container);
    mounts += 1;
    render(
      <PostActions post={ref} state={stateOf(ref.postId)} page={page} idPrefix={`rueckenwind-${mounts}`} />,
      container,
    );
    if (!statusQueued && unknownIds.size > 0) {
      statusQueued = true;
      // One question per batch of new posts, not one per post.
      queueMicrotask(askStates);
    }
  };

  const teardown = () => {
    for (const host of doc.querySelectorAll(SHADOW_HOST_TAG)) {
      const container = containerOfHost.get(host);
      if (!container) continue;
      render(null, container);
      host.remove();
    }
    states.clear();
  };

  return { mount, setState, teardown };
}
