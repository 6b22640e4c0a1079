/**
 * In the content script: marks posts by people on the user's relationship list, subtly, with a
 * suggestion to contribute; and tells the background about shared weekly logs of the user's circles
 * that the page shows (circle progress). Separate from the thank buttons: its own observer, its own
 * element in a closed shadow root, and nothing at all runs on a page when the user has no list and no
 * circle on this intranet.
 */
import { browser } from 'wxt/browser';
import type { z } from 'zod/mini';
import type { Person } from '../db/schemas';
import type { HostAdapter } from '../hosts/types';
import { t } from '../i18n/t';
import { send } from '../messages/send';
import {
  type AuthorAtMenuReplySchema,
  AuthorAtMenuSchema,
  type CirclePageReply,
  CirclePageReplySchema,
} from './content-messages';

type AuthorAtMenuReply = z.infer<typeof AuthorAtMenuReplySchema>;

import { samePerson } from './people';
import { type SeenLog, seenLogOf } from './shared-logs';

export const MARKER_TAG = 'rueckenwind-circle-marker';
const REPORT_DELAY_MS = 1_000;
const REPORT_MAX = 50;

const MARKER_CSS = `
:host { all: initial; display: inline-block; margin-inline-start: 8px; vertical-align: middle; }
.marker { display: inline-flex; gap: 6px; align-items: baseline; font: 12px/1.4 system-ui, sans-serif; color: #5b4a00; }
.pill { padding: 1px 7px; border-radius: 999px; background: #fff4c2; border: 1px solid #e9d57a; }
.hint { color: #6b6b6b; }
@media (prefers-color-scheme: dark) {
  .marker { color: #f3e3a0; } .pill { background: #3d3513; border-color: #6d5f22; } .hint { color: #b8b8b8; }
}
`;

type MarkerDeps = {
  doc: Document;
  adapter: HostAdapter;
  pageUrl: () => URL;
  /** False once the content script was orphaned or stopped. */
  isLive: () => boolean;
};

function ask(origin: string, logs: SeenLog[]) {
  return send<CirclePageReply>({ type: 'circle.page', origin, logs }, CirclePageReplySchema);
}

function renderMarker(doc: Document, person: Person): HTMLElement {
  const host = doc.createElement(MARKER_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = MARKER_CSS;
  const marker = doc.createElement('span');
  marker.className = 'marker';
  marker.setAttribute('role', 'note');
  marker.setAttribute('aria-label', `${t('markerLabel', person.name)}. ${t('markerSuggestion')}`);
  const pill = doc.createElement('span');
  pill.className = 'pill';
  pill.textContent = `★ ${t('markerText')}`;
  pill.setAttribute('aria-hidden', 'true');
  const hint = doc.createElement('span');
  hint.className = 'hint';
  hint.textContent = t('markerSuggestion');
  hint.setAttribute('aria-hidden', 'true');
  marker.append(pill, hint);
  root.append(style, marker);
  return host;
}

/** Starts the marker, the log reader and the context-menu helper on this page; returns the teardown. */
export async function startCircleMarker({ doc, adapter, pageUrl, isLive }: MarkerDeps): Promise<() => void> {
  const reported = new Set<string>();
  const pending: SeenLog[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const logsIn = (posts: Element[]) => {
    const found: SeenLog[] = [];
    for (const post of posts) {
      const ref = adapter.readPost(post, pageUrl());
      const log = ref && seenLogOf(ref);
      if (log && !reported.has(log.postId)) {
        reported.add(log.postId);
        found.push(log);
      }
    }
    return found;
  };

  const first = await ask(pageUrl().origin, []);
  if (!first.ok || !isLive()) return () => undefined;
  let { people } = first.value;
  const { readsLogs, hasCircle } = first.value;
  if (people.length === 0 && !readsLogs && !hasCircle) return () => undefined;

  const mark = (post: Element) => {
    if (people.length === 0) return;
    const at = adapter.mountPoint(post);
    if (!at || at.parent.querySelector(`:scope > ${MARKER_TAG}`)) return;
    const author = adapter.readPost(post, pageUrl())?.author;
    if (author && people.some((listed) => samePerson(listed, author))) {
      at.parent.append(renderMarker(doc, author));
    }
  };
  const report = () => {
    timer = undefined;
    const batch = pending.splice(0, REPORT_MAX);
    if (batch.length > 0 && isLive()) void ask(pageUrl().origin, batch);
    if (pending.length > 0) timer = setTimeout(report, REPORT_DELAY_MS);
  };
  const visit = (root: ParentNode) => {
    const posts = adapter.findPosts(root);
    for (const post of posts) mark(post);
    const logs = readsLogs ? logsIn(posts) : [];
    if (logs.length === 0) return;
    pending.push(...logs);
    timer ??= setTimeout(report, REPORT_DELAY_MS);
  };

  visit(doc);
  // Posts come and go (infinite feeds, re-rendering hosts): each added element is looked at once.
  const observer = new MutationObserver((records) => {
    if (!isLive()) return;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || (node as Element).localName === MARKER_TAG) continue;
        visit(adapter.closestPost(node as Element) ?? (node as Element));
      }
    }
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });

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
          if (!again.ok || !isLive()) return;
          people = again.value.people;
          visit(doc);
        });
      }, REPORT_DELAY_MS);
    }
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);

  return () => {
    observer.disconnect();
    listening.abort();
    browser.runtime.onMessage.removeListener(onMessage);
    clearTimeout(timer);
    for (const marker of doc.querySelectorAll(MARKER_TAG)) marker.remove();
  };
}
