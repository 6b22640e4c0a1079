import { selectors } from './selectors';
import { userNameOf } from './user-link';

/** A comment's signature: `Alice (talk) 09:12, 16 November 2026 (UTC)`. */
export type Signature = {
  /** The signer's user page link (or user talk link, for signatures that have only that). */
  link: Element;
  user: string;
  /** The date exactly as the wiki wrote it when the comment was saved. */
  timestamp: string;
  /** The text node holding the date: the buttons go right after it. */
  timestampNode: Text;
  /** The comment's own text before the signature. */
  text: string;
};

/**
 * The date `~~~~` writes, in the formats of English (`09:12, 16 November 2026 (UTC)`, or `09:12, November
 * 16, 2026 (UTC)`) and German wikis (`09:12, 16. Nov. 2026 (CET)`).
 */
const TIMESTAMP = /\d{1,2}:\d{2},\s(?:\d{1,2}\.?\s[^\s\d(),]+|[^\s\d(),]+\s\d{1,2},)\s\d{4}\s\([^\s()]+\)/;

/** A date more than this many characters after a user link does not sign with it (DiscussionTools' limit). */
const SIGNATURE_SCAN_LIMIT = 100;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * The block's own nodes in document order: nested lists and paragraphs are other comments (replies), or
 * other parts of a long one, and are skipped with everything inside them.
 */
function* ownNodes(parent: Node): Generator<Node> {
  for (const child of parent.childNodes) {
    if (child.nodeType === ELEMENT_NODE && (child as Element).matches(selectors.nestedBlock)) continue;
    yield child;
    yield* ownNodes(child);
  }
}

/**
 * The last signature in a block's own text, if any: a user link followed, within a few characters, by a
 * date. The last, because a comment may quote or mention others before its author signs it.
 */
export function findSignature(block: Element): Signature | undefined {
  let signature: Signature | undefined;
  let candidate: { link: Element; user: string; textBefore: string } | undefined;
  let sinceLink = 0;
  let text = '';
  for (const node of ownNodes(block)) {
    if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      if (!element.matches(selectors.userLink)) continue;
      const user = userNameOf(element);
      // `Alice (talk)`: a talk link right after the user link belongs to the same signature.
      if (!user || (candidate?.user === user && sinceLink <= SIGNATURE_SCAN_LIMIT)) continue;
      candidate = { link: element, user, textBefore: text };
      sinceLink = 0;
      continue;
    }
    if (node.nodeType !== TEXT_NODE) continue;
    const value = node.nodeValue ?? '';
    if (candidate && !candidate.link.contains(node)) {
      const date = TIMESTAMP.exec(value);
      if (date && sinceLink + date.index <= SIGNATURE_SCAN_LIMIT) {
        const { link, user, textBefore } = candidate;
        signature = { link, user, text: textBefore, timestamp: date[0], timestampNode: node as Text };
        candidate = undefined;
      }
      sinceLink += value.length;
    }
    text += value;
  }
  return signature;
}
