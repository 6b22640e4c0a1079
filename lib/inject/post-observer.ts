import type { HostAdapter } from '../hosts/types';

/** Past this many added nodes in one frame a full rescan is cheaper than walking each of them. */
const RESCAN_THRESHOLD = 400;

/**
 * One MutationObserver for the whole page, batched to animation frames: infinite feeds, host
 * frameworks re-rendering a post and in-app navigation all arrive as added nodes, and each post is
 * handed to `onPost` again so the caller can (re)mount idempotently. Returns the teardown.
 */
export function observePosts(
  doc: Document,
  adapter: HostAdapter,
  onPost: (post: Element) => void,
): () => void {
  let added = new Set<Element>();
  let frame: number | undefined;

  const visit = (root: ParentNode) => {
    for (const post of adapter.findPosts(root)) onPost(post);
  };

  const flush = () => {
    frame = undefined;
    const batch = added;
    added = new Set();
    if (batch.size > RESCAN_THRESHOLD) return visit(doc);
    const posts = new Set<Element>();
    for (const node of batch) {
      if (!node.isConnected) continue;
      for (const post of adapter.findPosts(node)) posts.add(post);
      const enclosing = adapter.closestPost(node);
      if (enclosing) posts.add(enclosing);
    }
    for (const post of posts) onPost(post);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) added.add(node);
    }
    if (added.size > 0 && frame === undefined) frame = requestAnimationFrame(flush);
  });

  visit(doc);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    if (frame !== undefined) cancelAnimationFrame(frame);
  };
}
