import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageActions } from '../../components/thank/PostActions';
import { defaultValues } from '../../components/thank/values';
import type { HostId } from '../db/schemas';
import type { HostAdapter } from '../hosts/types';
import { setAddressForm } from '../i18n/t';
import { BackgroundToContentSchema, type DeliveryResult } from '../messages/background-to-content';
import type { PageHelloReply } from '../messages/content-to-background';
import type { Failure } from '../messages/result';
import { sendFromContent } from '../messages/send';
import { createAnnouncer } from './announcer';
import { deliver } from './deliver';
import { createPostActionsMounter } from './mount-post-actions';
import { observePosts } from './post-observer';
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
  // Asked for every post; parsed again only when the address changed (in-app navigation).
  let current = new URL(location.href);
  const pageUrl = () => {
    if (current.href !== location.href) current = new URL(location.href);
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
  const hello = await sendFromContent({ type: 'page.hello', origin: pageUrl().origin });
  const adapter = !hello.ok ? undefined : 'matches' in source ? source : source.fromHello(hello.value);
  if (!hello.ok || !adapter || ctx.isInvalid) {
    running.delete(source.id);
    return;
  }
  setAddressForm(hello.value.addressForm);
  const me = adapter.currentUser(document, pageUrl());

  const announcer = createAnnouncer(document);
  const page: PageActions = {
    me,
    values: hello.value.values ?? defaultValues(),
    wolHashtag: hello.value.wolHashtag,
    hasTargets: adapter.postTarget !== undefined,
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
      return result.ok ? undefined : failureOf(result);
    },
    async retryThanks(post) {
      const result = await sendFromContent({
        type: 'recognition.retry',
        origin: post.origin,
        postId: post.postId,
      });
      return result.ok ? undefined : failureOf(result);
    },
    announce: (text) => announcer.announce(text),
  };

  const mounter = createPostActionsMounter({
    doc: document,
    adapter,
    pageUrl,
    page,
    fetchStates: async (postIds) => {
      const result = await sendFromContent({ type: 'posts.status', origin: pageUrl().origin, postIds });
      if (!result.ok) return [];
      return result.value.posts.map(({ postId, state, error }) => ({
        postId,
        state: thanksStateOf({ state, error }),
      }));
    },
  });
  const stopObserving = observePosts(document, adapter, {
    onPost: mounter.mount,
    onRemoval: mounter.sweep,
    // Reading it is what makes WXT notice an update or removal (and run `stop`), see below.
    isLive: () => ctx.isValid,
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

  const stop = () => {
    if (running.get(adapter.id) === ctx) running.delete(adapter.id);
    listening.abort();
    stopObserving();
    mounter.teardown();
    announcer.remove();
    browser.runtime.onMessage.removeListener(onMessage);
  };
  // Only the background may push to us; anything else, or anything malformed, is ignored.
  function onMessage(
    raw: unknown,
    sender: { id?: string; tab?: unknown },
  ): Promise<DeliveryResult> | undefined {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const parsed = BackgroundToContentSchema.safeParse(raw);
    if (!parsed.success || parsed.data.origin !== pageUrl().origin) return undefined;
    const message = parsed.data;
    switch (message.type) {
      case 'intranet.disabled':
        stop();
        return undefined;
      case 'post.thanked':
        mounter.setState(message.postId, thanksStateOf(message));
        return undefined;
      case 'outbox.deliver':
        // Another adapter's script in this tab (loopback runs several) leaves it to its own.
        return message.host === adapter?.id && adapter.api ? deliver(adapter.api, message) : undefined;
    }
  }
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(stop);
}
