import { MARKER_TAG } from '../circle/marker-tag';
import type { HostAdapter } from '../hosts/types';
import { SHADOW_HOST_TAG } from './shadow-host';

/** Our own elements on posts (the buttons, the circle marker): their arrival is the result of a batch. */
export const OWN_POST_TAGS: ReadonlySet<string> = new Set([SHADOW_HOST_TAG, MARKER_TAG]);

/** Past this many added nodes in one frame a full rescan is cheaper than walking each of them. */
const RESCAN_THRESHOLD = 400;
/**
 * The first batch of a frame, up to this size, is handled in the observer callback itself (a microtask:
 * the buttons are there before the next paint and within milliseconds of their posts). Whatever else
 * changes in that frame, and any bigger burst, waits for the next animation frame and is handled once.
 */
const IMMEDIATE_LIMIT = 100;

export type PostObserverHandlers = {
  /** A post that appeared or changed. Posts seen before come again, so this must be idempotent. */
  onPost: (post: Element) => void;
  /** Elements left the page since the last batch; called after that batch's `onPost` calls. */
  onRemoval: () => void;
  /** Asked before each batch; false means the caller is gone (an orphaned script) and nothing runs. */
  isLive: () => boolean;
};

/**
 * One MutationObserver for the whole page, batched to animation frames (see IMMEDIATE_LIMIT): infinite feeds, host
 * frameworks re-rendering a post and in-app navigation all arrive as added or removed nodes, and each
 * post concerned is handed to `onPost` again so the caller can (re)mount idempotently. Returns the
 * teardown.
 */
export function observePosts(
  doc: Document,
  adapter: HostAdapter,
  { onPost, onRemoval, isLive }: PostObserverHandlers,
): () => void {
  let added = new Set<Element>();
  // Parents that lost a child: the post around one may have lost our mount without gaining a node.
  let shrunk = new Set<Element>();
  let frame: number | undefined;
  /** Set after an immediate flush until the next frame: at most one flush outside animation frames per frame. */
  let busyFrame: number | undefined;

  const visit = (root: ParentNode) => {
    for (const post of adapter.findPosts(root)) onPost(post);
  };

  const flush = () => {
    frame = undefined;
    const batch = added;
    const parents = shrunk;
    added = new Set();
    shrunk = new Set();
    if (!isLive()) return;
    if (batch.size > RESCAN_THRESHOLD) visit(doc);
    else {
      const posts = new Set<Element>();
      for (const node of batch) {
        if (!node.isConnected) continue;
        for (const post of adapter.findPosts(node)) posts.add(post);
        const enclosing = adapter.closestPost(node);
        if (enclosing) posts.add(enclosing);
      }
      for (const parent of parents) {
        const enclosing = parent.isConnected ? adapter.closestPost(parent) : null;
        if (enclosing) posts.add(enclosing);
      }
      for (const post of posts) onPost(post);
    }
    if (parents.size > 0) onRemoval();
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      // Our own hosts arriving are the result of a batch, not a reason for another one.
      for (const node of record.addedNodes) {
        if (node instanceof Element && !OWN_POST_TAGS.has(node.localName)) added.add(node);
      }
      for (const node of record.removedNodes) {
        if (node instanceof Element && record.target instanceof Element) shrunk.add(record.target);
      }
    }
    if ((added.size === 0 && shrunk.size === 0) || frame !== undefined) return;
    if (busyFrame === undefined && added.size <= IMMEDIATE_LIMIT) {
      flush();
      busyFrame = requestAnimationFrame(() => {
        busyFrame = undefined;
      });
    } else frame = requestAnimationFrame(flush);
  });

  visit(doc);
  // The document, not its root element: a page that swaps its root element stays observed.
  observer.observe(doc, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (busyFrame !== undefined) cancelAnimationFrame(busyFrame);
    frame = undefined;
    busyFrame = undefined;
  };
}
