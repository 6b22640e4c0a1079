import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { PageActions } from '../../components/thank/PostActions';
import { defaultValues } from '../../components/thank/values';
import { DEMO_INTRANET_MATCHES } from '../../lib/hosts/demo/matches';
import { adapterFor } from '../../lib/hosts/registry';
import { setAddressForm } from '../../lib/i18n/t';
import { createPostActionsMounter } from '../../lib/inject/mount-post-actions';
import { observePosts } from '../../lib/inject/post-observer';
import { thanksStateOf } from '../../lib/inject/thanks-state';
import { BackgroundToContentSchema } from '../../lib/messages/background-to-content';
import type { Failure } from '../../lib/messages/result';
import { sendFromContent } from '../../lib/messages/send';

const failureOf = (result: Failure) => ({ reason: result.error.reason, detail: result.error.detail ?? '' });

export default defineContentScript({
  matches: DEMO_INTRANET_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const pageUrl = () => new URL(location.href);
    const adapter = adapterFor(pageUrl(), document);
    if (!adapter) return;
    // The background decides whether this intranet is enabled; a refusal means: stay invisible.
    const hello = await sendFromContent({ type: 'page.hello', origin: pageUrl().origin });
    if (!hello.ok || ctx.isInvalid) return;
    setAddressForm(hello.value.addressForm);
    const me = adapter.currentUser(document, pageUrl());

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
    const stopObserving = observePosts(document, adapter, mounter.mount);

    const stop = () => {
      stopObserving();
      mounter.teardown();
      browser.runtime.onMessage.removeListener(onMessage);
    };
    // Only the background may push to us; anything else, or anything malformed, is ignored.
    function onMessage(raw: unknown, sender: { id?: string; tab?: unknown }) {
      if (sender.id !== browser.runtime.id || sender.tab) return;
      const parsed = BackgroundToContentSchema.safeParse(raw);
      if (!parsed.success || parsed.data.origin !== pageUrl().origin) return;
      if (parsed.data.type === 'intranet.disabled') return stop();
      mounter.setState(parsed.data.postId, thanksStateOf(parsed.data));
    }
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(stop);
  },
});
