import { type Person, POSTED_TEXT_MAX, type PostRef } from '../../db/schemas';
import { type ReplyToMe, ReplyToMeSchema } from '../../inbound/reply-to-me';
import { clip, selfAndDescendants } from '../read-dom';
import { commentIdOf, commentTextOf, excerptOf, permalinkOf } from './comment';
import { sectionAnchorOf } from './section';
import { selectors } from './selectors';
import { findSignature, type Signature } from './signature';
import { signatureTimeOf } from './signature-time';
import { userNameOf, userPageUrlOf } from './user-link';

type Comment = { block: Element; signature: Signature; section: string | undefined; depth: number };

/**
 * Replies to `me` on one rendered talk page: comments signed by someone else that are indented under a
 * comment `me` signed (the talk-page way to answer it), or that link `me`'s user page (a ping).
 * `page` is the page's address; `foundAt` dates a comment whose signature date cannot be read.
 */
export function repliesInPage(doc: Document, page: URL, me: Person, foundAt: number): ReplyToMe[] {
  const comments = commentsOf(doc);
  const replies: ReplyToMe[] = [];
  comments.forEach((comment, index) => {
    const { signature } = comment;
    if (signature.user === me.name) return;
    const answered = parentOf(comments, index);
    const answersMe = answered?.signature.user === me.name;
    if (!answersMe && !mentions(comment, me.name)) return;
    const parsed = ReplyToMeSchema.safeParse({
      remoteId: commentIdOf(signature),
      from: { name: signature.user, id: signature.user, profileUrl: userPageUrlOf(signature.link, page) },
      to: me,
      post: answered && postRefOf(answered, page),
      text: clip(commentTextOf(signature), POSTED_TEXT_MAX),
      at: signatureTimeOf(signature.timestamp) ?? foundAt,
    });
    if (parsed.success) replies.push(parsed.data);
  });
  return replies;
}

/** The signed comments in page order, with their section and how deep they are indented. */
function commentsOf(doc: Document): Comment[] {
  return selfAndDescendants(doc, selectors.commentBlock).flatMap((block) => {
    const signature = findSignature(block);
    if (!signature) return [];
    let depth = 0;
    for (let el = block.parentElement; el && !el.matches(selectors.content); el = el.parentElement) {
      if (el.matches('dl, ul, ol')) depth++;
    }
    return [{ block, signature, section: sectionAnchorOf(block), depth }];
  });
}

/** The comment a reply answers: the nearest one above it in its section that is indented less. */
function parentOf(comments: Comment[], index: number): Comment | undefined {
  const reply = comments[index];
  for (let i = index - 1; i >= 0; i--) {
    const candidate = comments[i];
    if (!reply || !candidate || candidate.section !== reply.section) return undefined;
    if (candidate.depth < reply.depth) return candidate;
  }
  return undefined;
}

/** Whether the comment's own text (not its replies, not its signature) links the user's page. */
function mentions(comment: Comment, name: string): boolean {
  return [...comment.block.querySelectorAll(selectors.userLink)].some(
    (link) => link.closest(selectors.nestedBlock) === comment.block && userNameOf(link) === name,
  );
}

function postRefOf(comment: Comment, page: URL): PostRef {
  const { signature } = comment;
  return {
    host: 'mediawiki',
    origin: page.origin,
    postId: commentIdOf(signature),
    permalink: permalinkOf(page, comment.section),
    excerpt: excerptOf(signature),
    author: { name: signature.user, id: signature.user, profileUrl: userPageUrlOf(signature.link, page) },
  };
}
