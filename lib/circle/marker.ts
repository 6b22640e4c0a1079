/**
 * In the content script: marks posts by people on the user's relationship list, subtly, with a
 * suggestion to contribute; offers "Add to my list" on the other posts (one click puts the author on
 * the list); and tells the background about shared weekly logs of the user's circles that the page
 * shows (circle progress). It is handed the posts the page's one observer finds
 * (lib/inject/post-observer.ts), draws in its own element in a closed shadow root, and does not exist
 * at all on a page when the user has no list and no circle on this intranet.
 */
import { browser } from 'wxt/browser';
import type { z } from 'zod/mini';
import type { Person } from '../db/schemas';
import type { HostAdapter } from '../hosts/types';
import { t } from '../i18n/t';
import type { Result } from '../messages/result';
import { send } from '../messages/send';
import {
  type AddedAuthor,
  AddedAuthorSchema,
  type AuthorAtMenuReplySchema,
  AuthorAtMenuSchema,
  type CirclePageReply,
  CirclePageReplySchema,
} from './content-messages';
import { MARKER_TAG } from './marker-tag';
import { createMarkerView, type MarkerView } from './marker-view';
import { samePerson } from './people';
import { type SeenLog, seenLogOf } from './shared-logs';

type AuthorAtMenuReply = z.infer<typeof AuthorAtMenuReplySchema>;

const REPORT_DELAY_MS = 1_000;
const REPORT_MAX = 50;

type MarkerDeps = {
  doc: Document;
  adapter: HostAdapter;
  pageUrl: () => URL;
  /** The signed-in user: their own posts get no "Add to my list". */
  me: Person | undefined;
  /** Says something to screen readers (the page's one live region). */
  announce: (text: string) => void;
  /** False once the content script was orphaned or stopped. */
  isLive: () => boolean;
};

export type CircleMarker = {
  /** A post that appeared or changed; posts come again and again, so this is idempotent and cheap. */
  visit: (post: Element) => void;
  stop: () => void;
};

/** What a post gets: the marker, the add button, or nothing (the user's own, or an unreadable author). */
type Standing = { listed: true; author: Person } | { listed: false; name: string } | undefined;

/** Why an add failed, in words the user can act on; undefined when the author is on the list now. */
function problemOf(result: Result<AddedAuthor>, author: Person): string | undefined {
  if (!result.ok) {
    const { reason } = result.error;
    // A reload or a switched-off site is the user's to fix; anything else is worth another try.
    return reason === 'errorExtensionReloaded' || reason === 'errorNotEnabled'
      ? t(reason)
      : t('markerAddFailed', author.name);
  }
  return result.value.added ? undefined : t('menuNoCircle');
}

function ask(origin: string, logs: SeenLog[]) {
  return send<CirclePageReply>({ type: 'circle.page', origin, logs }, CirclePageReplySchema);
}

/**
 * Starts the marker, the log reader and the context-menu helper on this page; undefined (and nothing
 * running) where the user has no list, no circle and no circle space on this intranet.
 */
export async function startCircleMarker({
  doc,
  adapter,
  pageUrl,
  me,
  announce,
  isLive,
}: MarkerDeps): Promise<CircleMarker | undefined> {
  const first = await ask(pageUrl().origin, []);
  if (!first.ok || !isLive()) return undefined;
  let { people, hasCircle } = first.value;
  const { readsLogs } = first.value;
  if (people.length === 0 && !readsLogs && !hasCircle) return undefined;

  const reported = new Set<string>();
  const pending: SeenLog[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const views = new WeakMap<Element, MarkerView & { seen: number }>();
  /** Bumped whenever `people` changes, so a post already looked at is looked at again only then. */
  let version = 0;

  /**
   * Where the adapter can name a post's author cheaply, only a name shared with someone on the list
   * (or with the user) makes the full post worth reading: identities decide, and two "Anna Schmidt"
   * are two people. Someone listed under an older name gets "Add to my list", which then finds them
   * on the list and marks them.
   */
  const standingOf = (post: Element): Standing => {
    if (adapter.identifyPost) {
      const name = adapter.identifyPost(post)?.authorName;
      if (!name) return undefined;
      const byName = { name };
      const known = people.some((listed) => samePerson(listed, byName)) || (me && samePerson(me, byName));
      if (!known) return hasCircle ? { listed: false, name } : undefined;
    }
    const author = adapter.readPost(post, pageUrl())?.author;
    if (!author) return undefined;
    if (people.some((listed) => samePerson(listed, author))) return { listed: true, author };
    if (!hasCircle || (me && samePerson(me, author))) return undefined;
    return { listed: false, name: author.name };
  };

  const mark = (post: Element) => {
    if (people.length === 0 && !hasCircle) return;
    const at = adapter.mountPoint(post);
    if (!at) return;
    const existing = at.parent.querySelector(`:scope > ${MARKER_TAG}`);
    const view = existing ? views.get(existing) : undefined;
    // Another script's marker (an orphaned copy being taken down) is left alone.
    if (existing && !view) return;
    if (view) {
      // A marker stays; an add button is looked at again only once the list changed.
      if (view.listed || view.seen === version) return;
      view.seen = version;
      const standing = standingOf(post);
      if (standing?.listed) view.showListed(standing.author);
      return;
    }
    const standing = standingOf(post);
    if (!standing) return;
    const made = Object.assign(createMarkerView(doc), { seen: version });
    if (standing.listed) made.showListed(standing.author);
    else made.showAdd(standing.name, () => void add(post, made));
    views.set(made.host, made);
    at.parent.append(made.host);
  };

  const markAll = () => {
    for (const post of adapter.findPosts(doc)) mark(post);
  };

  const listAgain = (list: Person[], circle: boolean) => {
    people = list;
    hasCircle = circle;
    version += 1;
    markAll();
  };

  const saving = new WeakSet<MarkerView>();
  const add = async (post: Element, view: MarkerView) => {
    if (saving.has(view)) return;
    const author = adapter.readPost(post, pageUrl())?.author;
    if (!author) return view.showProblem(t('errorPostUnreadable'));
    saving.add(view);
    view.setBusy(true);
    const result = await send<AddedAuthor>(
      { type: 'circle.addAuthor', origin: pageUrl().origin, author },
      AddedAuthorSchema,
    );
    saving.delete(view);
    view.setBusy(false);
    if (!isLive()) return;
    const problem = problemOf(result, author);
    if (problem) {
      view.showProblem(problem);
      return announce(problem);
    }
    const focused = view.hasFocus();
    // This post and every other post of theirs on the page switch to the marker.
    listAgain([...people, author], hasCircle);
    if (focused) view.focusMarker();
    announce(t('menuAdded', author.name));
  };

  const report = () => {
    timer = undefined;
    const batch = pending.splice(0, REPORT_MAX);
    if (batch.length > 0 && isLive()) void ask(pageUrl().origin, batch);
    if (pending.length > 0) timer = setTimeout(report, REPORT_DELAY_MS);
  };
  const readLog = (post: Element) => {
    const ref = adapter.readPost(post, pageUrl());
    const log = ref && seenLogOf(ref);
    if (!log || reported.has(log.postId)) return;
    reported.add(log.postId);
    pending.push(log);
    timer ??= setTimeout(report, REPORT_DELAY_MS);
  };

  const visit = (post: Element) => {
    if (!isLive()) return;
    mark(post);
    if (readsLogs) readLog(post);
  };

  // The observer handed over the posts already on the page before the background answered.
  for (const post of adapter.findPosts(doc)) visit(post);

  // The post the context menu was opened on (by pointer, or by the menu key on a focused element).
  let menuPost: Element | null = null;
  const listening = new AbortController();
  doc.addEventListener(
    'contextmenu',
    (event) => {
      menuPost = event.target instanceof Element ? adapter.closestPost(event.target) : null;
    },
    { capture: true, passive: true, signal: listening.signal },
  );
  const onMessage = (
    raw: unknown,
    sender: { id?: string; tab?: unknown },
    sendResponse: (reply: AuthorAtMenuReply) => void,
  ): true | undefined => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const parsed = AuthorAtMenuSchema.safeParse(raw);
    if (!parsed.success || parsed.data.origin !== pageUrl().origin || !isLive()) return undefined;
    const author = menuPost ? (adapter.readPost(menuPost, pageUrl())?.author ?? null) : null;
    sendResponse({ author });
    // The new person's posts get their marker once the background has saved them.
    if (author) {
      setTimeout(() => {
        void ask(pageUrl().origin, []).then((again) => {
          if (again.ok && isLive()) listAgain(again.value.people, again.value.hasCircle);
        });
      }, REPORT_DELAY_MS);
    }
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);

  return {
    visit,
    stop() {
      listening.abort();
      browser.runtime.onMessage.removeListener(onMessage);
      clearTimeout(timer);
      for (const host of doc.querySelectorAll(MARKER_TAG)) if (views.has(host)) host.remove();
    },
  };
}
