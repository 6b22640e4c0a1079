import { clip } from '../read-dom';
import type { Signature } from './signature';

const EXCERPT_MAX = 140;

/**
 * A comment is known by who signed it and when, as DiscussionTools names comments (`c-<user>-<time>`):
 * the id survives edits around it, section renames and moving the thread to an archive page. Two
 * comments by one person in the same minute count as one, which they nearly always are.
 */
export function commentIdOf(signature: Signature): string {
  return `c-${signature.user}-${signature.timestamp}`;
}

/** The page, scrolled to the comment's section: core MediaWiki has no anchor per comment. */
export function permalinkOf(page: URL, anchor: string | undefined): string {
  const url = new URL(page.href);
  url.hash = anchor ?? '';
  return url.href;
}

/** The comment's own words, without the dash some people put before their signature. */
export function commentTextOf(signature: Signature): string {
  return signature.text
    .replace(/\s+/g, ' ')
    .replace(/[\s—–-]+$/, '')
    .trim();
}

export function excerptOf(signature: Signature): string | undefined {
  return clip(commentTextOf(signature), EXCERPT_MAX) || undefined;
}
