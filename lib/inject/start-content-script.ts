import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defaultValues } from '../../components/thank/values';
import { type CircleMarker, startCircleMarker } from '../circle/marker';
import type { HostId } from '../db/schemas';
import type { HostAdapter } from '../hosts/types';
import { setAddressForm } from '../i18n/t';
import { scanReplies } from '../inbound/scan-replies';
import { BackgroundToContentSchema, type DeliveryResult } from '../messages/background-to-content';
import type { PageHelloReply } from '../messages/content-to-background';
import type { Failure } from '../messages/result';
import { sendFromContent } from '../messages/send';
import { createAnnouncer } from './announcer';
import type { PageActions } from './composers-contract';
import { deliver } from './deliver';
import { createComposerLoader } from './load-composers';
import { createPostActionsMounter } from './mount-post-actions';
import { createButtonsKit } from './post-buttons';
import { observePosts } from './post-observer';
import { SHADOW_HOST_TAG } from './shadow-host';
import { thanksStateOf } from './thanks-state';

const failureOf = (result: Failure) => ({ reason: result.error.reason, detail: result.error.detail ?? '' });

/**
 * An adapter that exists only once the background has answered: the generic one is built from the
 * selectors the user taught for this site, which come with the hello.
 */
export type LateAdapter = { id: HostId; fromHello: (hello: PageHelloReply) => HostAdapter | undefined };

/**
 * Everything a content script does on an intranet page, for one adapter: ask the background whether
 * the site is enabled, mount the actions on every post (now and as the page changes), and take it all
 * down when the site is switched off or the extension is updated or removed.
 */
export async function startContentScript(
  ctx: ContentScriptContext,
  source: HostAdapter | LateAdapter,
): Promise<void> {
  // Asked for every post; parsed again only when the address changed (in-app navigation), and looked at
  // once per task: a batch of posts shares one address, and reading `location` is not free.
  let current = new URL(location.href);
  let checked = false;
  const pageUrl = () => {
    if (!checked) {
      checked = true;
      queueMicrotask(() => {
        checked = false;
      });
      if (current.href !== location.href) current = new URL(location.href);
    }
    return current;
  };
  if ('matches' in source && !source.matches(pageUrl(), document)) return;
  // Enabling a site injects the script into its open tabs; one may already run there. The registry
  // lives in our isolated world, out of the page's reach; an orphaned (updated-away) instance yields.
  const scope = globalThis as { rueckenwindRunning?: Map<string, ContentScriptContext> };
  scope.rueckenwindRunning ??= new Map();
  const running = scope.rueckenwindRunning;
  const other = running.get(source.id);
  if (other && !other.isInvalid) return;
  running.set(source.id, ctx);
  // The background decides whether this intranet is enabled; a refusal means: stay invisible.
  // An adapter whose API can find replies to the user says so: the background says when to look.
  const scansFor = 'matches' in source && source.api?.repliesToMe ? source.id : undefined;
  const hello = await sendFromContent({ type: 'page.hello', origin: pageUrl().origin, scansFor });
  const adapter = !hello.ok ? undefined : 'matches' in source ? source : source.fromHello(hello.value);
  if (!hello.ok || !adapter || ctx.isInvalid) {
    running.delete(source.id);
    return;
  }
  setAddressForm(hello.value.addressForm);
  if (hello.value.scanReplies && adapter.api) void scanReplies(adapter.api, adapter.id, pageUrl().origin);
  const me = adapter.currentUser(document, pageUrl());

  const announcer = createAnnouncer(document);
  const page: PageActions = {
    me,
    addressForm: hello.value.addressForm,
    values: hello.value.values ?? defaultValues(),
    wolHashtag: hello.value.wolHashtag,
    hasTargets: adapter.postTarget !== undefined,
    listTargets: () => sendFromContent({ type: 'targets.list', origin: pageUrl().origin }),
    async saveThanks(post, draft, postedText) {
      if (!me) return { reason: 'errorUnknownUser' };
      const result = await sendFromContent({
        type: 'recognition.save',
        post,
        from: me,
        to: draft.to,
        message: draft.message,
        value: draft.value,
        postedText,
      });
      return result.ok ? undefined : failureOf(result);
    },
    async saveWol(draft, postedText) {
      const result = await sendFromContent({
        type: 'wolPost.save',
        origin: pageUrl().origin,
        text: postedText,
        template: draft.template,
        target: draft.target,
        linkedPost: draft.linkedPost,
      });
      return result.ok ? { id: result.value.id } : failureOf(result);
    },
    async retryThanks(post) {
      const result = await sendFromContent({
        type: 'recognition.retry',
        origin: post.origin,
        postId: post.postId,
      });
      return result.ok ? undefined : failureOf(result);
    },
    async retryWol(id) {
      const result = await sendFromContent({ type: 'wolPost.retry', origin: pageUrl().origin, id });
      return result.ok ? undefined : failureOf(result);
    },
    announce: (text) => announcer.announce(text),
  };

  const loadComposers = createComposerLoader(() =>
    sendFromContent({ type: 'composers.load', origin: pageUrl().origin }),
  );
  const mounter = createPostActionsMounter({
    doc: document,
    adapter,
    pageUrl,
    kit: createButtonsKit(document, page, loadComposers),
    fetchStates: async (postIds) => {
      const result = await sendFromContent({ type: 'posts.status', origin: pageUrl().origin, postIds });
      if (!result.ok) return [];
      return [
        ...result.value.posts.map(({ postId, ...sync }) => ({
          postId,
          state: { thanks: thanksStateOf(sync) },
        })),
        ...(result.value.wol ?? []).map(({ postId, id, ...sync }) => ({
          postId,
          state: { wol: { ...thanksStateOf(sync), id } },
        })),
      ];
    },
  });
  // WOL circle: posts by people on the relationship list get a marker, the others "Add to my list"
  // (lib/circle/marker.ts). Fed by the same observer; absent where the user has no list and no circle.
  let marker: CircleMarker | undefined;
  const stopObserving = observePosts(document, adapter, {
    onPost: (post) => {
      mounter.mount(post);
      marker?.visit(post);
    },
    onRemoval: mounter.sweep,
    // Reading it is what makes WXT notice an update or removal (and run `stop`), see below.
    isLive: () => ctx.isValid,
  });
  const markerStarted = startCircleMarker({
    doc: document,
    adapter,
    pageUrl,
    me,
    announce: page.announce,
    isLive: () => ctx.isValid,
  }).then((started) => {
    marker = started;
    return started;
  });

  // Chrome tells an orphaned script nothing, and WXT's ctx only notices when asked (or when a newer copy
  // of this script starts in the page). So ask on every batch of page changes, and whenever the user
  // could reach our buttons: before a click or key press gets to a dead button, or on coming back to the tab.
  const listening = new AbortController();
  const checkStillInstalled = () => void ctx.isInvalid;
  for (const type of ['visibilitychange', 'pointerdown', 'keydown', 'focusin']) {
    document.addEventListener(type, checkStillInstalled, {
      capture: true,
      passive: true,
      signal: listening.signal,
    });
  }
  // Pointing at or focusing one of our buttons starts loading the composers, so a click rarely waits.
  const preloadComposers = (event: Event) => {
    if ((event.target as Element | null)?.localName === SHADOW_HOST_TAG && ctx.isValid) void loadComposers();
  };
  for (const type of ['pointerover', 'focusin']) {
    document.addEventListener(type, preloadComposers, {
      capture: true,
      passive: true,
      signal: listening.signal,
    });
  }

  const stop = () => {
    if (running.get(adapter.id) === ctx) running.delete(adapter.id);
    listening.abort();
    stopObserving();
    void markerStarted.then((started) => started?.stop());
    mounter.teardown();
    announcer.remove();
    browser.runtime.onMessage.removeListener(onMessage);
  };
  // Only the background may push to us; anything else, or anything malformed, is ignored. A delivery is
  // answered through `sendResponse` (returning true keeps the channel open), which every browser
  // supports without webextension-polyfill; a returned promise would need the polyfill or a recent Chrome.
  function onMessage(
    raw: unknown,
    sender: { id?: string; tab?: unknown },
    sendResponse: (reply: DeliveryResult) => void,
  ): true | undefined {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const parsed = BackgroundToContentSchema.safeParse(raw);
    if (!parsed.success || parsed.data.origin !== pageUrl().origin) return undefined;
    const message = parsed.data;
    switch (message.type) {
      case 'intranet.disabled':
        stop();
        return undefined;
      case 'post.thanked':
        mounter.setState(message.postId, { thanks: thanksStateOf(message) });
        return undefined;
      case 'wolPost.state':
        mounter.wolNews(message);
        return undefined;
      case 'outbox.deliver':
        // Another adapter's script in this tab (loopback runs several) leaves it to its own.
        if (message.host !== adapter?.id || !adapter.api) return undefined;
        void deliver(adapter.api, message).then(sendResponse);
        return true;
    }
  }
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(stop);
}
