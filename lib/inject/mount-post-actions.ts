import { BUTTONS_CSS } from '../../components/thank/styles';
import type { PostRef } from '../db/schemas';
import type { HostAdapter, PostIdentity } from '../hosts/types';
import { t } from '../i18n/t';
import type { WolPostState } from '../messages/background-to-content';
import { type Cell, cell } from './cell';
import { type ButtonsKit, renderPostButtons } from './post-buttons';
import { createShadowHost } from './shadow-host';
import { thanksStateOf } from './thanks-state';
import { IDLE_POST, type PostState, wolNewsApplies } from './wol-state';

/**
 * How long new posts wait for the question how the user's thanks and work-out-loud posts on them stand. Each question is a
 * message to the background, which costs more than mounting dozens of posts; an infinite feed adds a
 * batch every few hundred milliseconds, so its batches share questions. A post already thanked shows so
 * that much later.
 */
export const STATUS_DELAY_MS = 200;

type Options = {
  doc: Document;
  adapter: HostAdapter;
  pageUrl: () => URL;
  kit: ButtonsKit;
  /** Asks how the user's thanks and WOL posts on these posts stand (saved, sent, failed); one answer may hold a part. */
  fetchStates: (postIds: string[]) => Promise<Array<{ postId: string; state: Partial<PostState> }>>;
};

type PostMount = {
  root: ShadowRoot;
  identity: PostIdentity;
  readPost: () => PostRef | undefined;
  state: Cell<PostState>;
  idPrefix: string;
  kit: ButtonsKit;
};

/** What one post shows; anything added per post beyond the buttons is decided and rendered here. */
function renderPost({ root, identity, readPost, state, idPrefix, kit }: PostMount): () => void {
  return renderPostButtons({ root, authorName: identity.authorName, readPost, state, idPrefix, kit });
}

/**
 * Mounts one set of actions per post, idempotently: a post that already carries a live mount is
 * skipped, one whose mount the host's framework threw away gets a new one. Nothing here keeps a post
 * the page has dropped alive: posts are only weakly held, and `sweep` unmounts what left the page, so
 * the maps below are bounded by what the page shows now, not by everything it ever showed.
 */
export function createPostActionsMounter({ doc, adapter, pageUrl, kit, fetchStates }: Options) {
  const mountOfPost = new WeakMap<Element, HTMLElement>();
  /** Every mount not yet taken down (connected, or detached since the last sweep). */
  const mounts = new Map<HTMLElement, { teardown: () => void; postId: string }>();
  /** One state per post id, shared by its mounts (a post shown twice), dropped with its last mount. */
  const states = new Map<string, { cell: Cell<PostState>; mounts: number }>();
  let unknownIds = new Set<string>();
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  let mounted = 0;

  const stateOf = (postId: string) => {
    let shared = states.get(postId);
    if (!shared) {
      shared = { cell: cell(IDLE_POST), mounts: 0 };
      states.set(postId, shared);
      unknownIds.add(postId);
    }
    shared.mounts += 1;
    return shared.cell;
  };

  const setState = (postId: string, state: Partial<PostState>) => {
    const shared = states.get(postId)?.cell;
    shared?.set({ ...shared.get(), ...state });
  };

  /**
   * A WOL post was saved in another tab, or its delivery ended: the post it links shows it, or else the
   * post here it was written from. Screen readers hear how a delivery ended.
   */
  const wolNews = ({ id, postId, state, error }: WolPostState) => {
    const shared =
      postId !== undefined
        ? states.get(postId)?.cell
        : [...states.values()].find((candidate) => {
            const wol = candidate.cell.get().wol;
            return wol.kind !== 'idle' && wol.id === id;
          })?.cell;
    const current = shared?.get();
    const fresh = state === 'local' || state === 'pending';
    if (!shared || !current || !wolNewsApplies(current.wol, id, fresh)) return;
    shared.set({ ...current, wol: { ...thanksStateOf({ state, error }), id } });
    if (!fresh) kit.page.announce(state === 'sent' ? t('wolSent') : t('wolFailed', error ?? ''));
  };

  const askStates = () => {
    statusTimer = undefined;
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
    // Also unsubscribes the mount from its state, which would otherwise keep it alive.
    mount.teardown();
    host.remove();
    const shared = states.get(mount.postId);
    if (!shared) return;
    shared.mounts -= 1;
    if (shared.mounts === 0) states.delete(mount.postId);
  };

  /** The post's id and author for the buttons; the full post only where the adapter has no cheaper way. */
  const identify = (post: Element): { identity: PostIdentity; ref?: PostRef } | undefined => {
    if (adapter.identifyPost) {
      const identity = adapter.identifyPost(post);
      return identity && { identity };
    }
    const ref = adapter.readPost(post, pageUrl());
    return ref && { identity: { postId: ref.postId, authorName: ref.author.name }, ref };
  };

  const mount = (post: Element) => {
    const existing = mountOfPost.get(post);
    if (existing?.isConnected && post.contains(existing)) return;
    const found = identify(post);
    const point = found && adapter.mountPoint(post);
    if (!found || !point) return;
    const { identity, ref } = found;
    const { host, root } = createShadowHost(doc, BUTTONS_CSS);
    mounted += 1;
    // Rendered before it enters the page: the page never sees a half-built host, nor its layout twice.
    const teardown = renderPost({
      root,
      identity,
      readPost: () => ref ?? adapter.readPost(post, pageUrl()),
      state: stateOf(identity.postId),
      idPrefix: `rueckenwind-${mounted}`,
      kit,
    });
    mounts.set(host, { teardown, postId: identity.postId });
    point.parent.insertBefore(host, point.before ?? null);
    mountOfPost.set(post, host);
    // After the new mount took its share of the state, so a re-rendered post keeps it without asking again.
    if (existing) unmount(existing);
    // One question for all the posts that arrive together, not one per post.
    if (statusTimer === undefined && unknownIds.size > 0)
      statusTimer = setTimeout(askStates, STATUS_DELAY_MS);
  };

  /** Takes down the mounts that left the page with their post (or were thrown out of it). */
  const sweep = () => {
    for (const host of mounts.keys()) if (!host.isConnected) unmount(host);
  };

  const teardown = () => {
    for (const host of mounts.keys()) unmount(host);
    unknownIds.clear();
    clearTimeout(statusTimer);
    statusTimer = undefined;
  };

  return { mount, sweep, setState, wolNews, teardown };
}
