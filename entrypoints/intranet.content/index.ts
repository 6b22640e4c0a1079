import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { SaveThanks } from '../../components/thank/PostActions';
import { DEMO_INTRANET_MATCHES } from '../../lib/hosts/demo/matches';
import { adapterFor } from '../../lib/hosts/registry';
import { createPostActionsMounter } from '../../lib/inject/mount-post-actions';
import { observePosts } from '../../lib/inject/post-observer';
import { BackgroundToContentSchema } from '../../lib/messages/background-to-content';
import { sendFromContent } from '../../lib/messages/send';

export default defineContentScript({
  matches: DEMO_INTRANET_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const pageUrl = () => new URL(location.href);
    const adapter = adapterFor(pageUrl(), document);
    if (!adapter) return;
    const me = adapter.currentUser(document, pageUrl());

    const save: SaveThanks = async (post, draft) => {
      if (!me) return { reason: 'errorUnknownUser' };
      const result = await sendFromContent({
        type: 'recognition.save',
        post,
        from: me,
        to: draft.to,
        message: draft.message,
        value: draft.value,
      });
      return result.ok ? undefined : { reason: result.error.reason, detail: result.error.detail ?? '' };
    };

    const mounter = createPostActionsMounter({
      doc: document,
      adapter,
      pageUrl,
      me,
      save,
      fetchThanked: async (postIds) => {
        const result = await sendFromContent({ type: 'posts.status', origin: pageUrl().origin, postIds });
        return result.ok ? result.value.thanked : [];
      },
    });
    const stopObserving = observePosts(document, adapter, mounter.mount);

    // Only the background may push to us; anything else, or anything malformed, is ignored.
    const onMessage = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
      if (sender.id !== browser.runtime.id || sender.tab) return;
      const parsed = BackgroundToContentSchema.safeParse(raw);
      if (parsed.success && parsed.data.origin === pageUrl().origin) mounter.markThanked(parsed.data.postId);
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      stopObserving();
      mounter.teardown();
      browser.runtime.onMessage.removeListener(onMessage);
    });
  },
});
