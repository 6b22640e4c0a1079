import { webUrlOf } from '../read-dom';
import { selectors } from './selectors';

/**
 * `/t/{slug}/{topicId}/{postNumber}`. The date link carries the topic path but drops the number for the
 * first post and adds the viewer's `?u=` referral; the number comes from the article's `id="post_N"`.
 */
export function permalinkOf(post: Element, page: URL): string | undefined {
  const postNumber = /^post_(\d+)$/.exec(post.id)?.[1];
  const dated = webUrlOf(post.querySelector(selectors.permalink), page);
  if (!postNumber || !dated) return undefined;
  const url = new URL(dated);
  const topic = /^(.*\/t\/[^/]+\/(\d+))(?:\/\d+)?\/?$/.exec(url.pathname);
  if (!topic || topic[2] !== post.getAttribute('data-topic-id')) return undefined;
  return new URL(`${topic[1]}/${postNumber}`, url.origin).href;
}
