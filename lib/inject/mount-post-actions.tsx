import { type Signal, signal } from '@preact/signals';
import { render } from 'preact';
import { PostActions, type SaveThanks } from '../../components/thank/PostActions';
import { POST_ACTIONS_CSS } from '../../components/thank/styles';
import type { ThankButtonState } from '../../components/thank/ThankButton';
import type { Person } from '../db/schemas';
import type { HostAdapter } from '../hosts/types';
import { createShadowHost, SHADOW_HOST_TAG } from './shadow-host';

type Options = {
  doc: Document;
  adapter: HostAdapter;
  pageUrl: () => URL;
  me: Person | undefined;
  save: SaveThanks;
  /** Asks which of these posts the user already thanked. */
  fetchThanked: (postIds: string[]) => Promise<string[]>;
};

/**
 * Mounts one set of actions per post, idempotently: a post that already carries a live mount is
 * skipped, one whose mount the host's framework threw away gets a new one.
 */
export function createPostActionsMounter({ doc, adapter, pageUrl, me, save, fetchThanked }: Options) {
  const mountOfPost = new WeakMap<Element, HTMLElement>();
  const containerOfHost = new WeakMap<Element, HTMLElement>();
  const states = new Map<string, Signal<ThankButtonState>>();
  let unknownIds = new Set<string>();
  let statusQueued = false;
  let composerCount = 0;

  const stateOf = (postId: string) => {
    let state = states.get(postId);
    if (!state) {
      state = signal<ThankButtonState>('idle');
      states.set(postId, state);
      unknownIds.add(postId);
    }
    return state;
  };

  const askStatus = () => {
    statusQueued = false;
    const ids = [...unknownIds];
    unknownIds = new Set();
    if (ids.length === 0) return;
    void fetchThanked(ids).then((thanked) => {
      for (const id of thanked) markThanked(id);
    });
  };

  const markThanked = (postId: string) => {
    const state = states.get(postId);
    if (state) state.value = 'saved';
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
    composerCount += 1;
    render(
      <PostActions
        post={ref}
        state={stateOf(ref.postId)}
        me={me}
        save={save}
        composerId={`rueckenwind-composer-${composerCount}`}
      />,
      container,
    );
    if (!statusQueued && unknownIds.size > 0) {
      statusQueued = true;
      queueMicrotask(askStatus);
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

  return { mount, markThanked, teardown };
}
