import { render } from 'preact';
import { type MessageKey, setAddressForm, t } from '../../lib/i18n/t';
import type { ComposerRequest, ThankDraft, WolDraft } from '../../lib/inject/composers-contract';
import { addStyles } from '../../lib/inject/shadow-host';
import { COMPOSER_CSS } from './styles';
import { ThankComposer } from './ThankComposer';
import { WolComposer } from './WolComposer';

/**
 * Shows the thank-you or work-out-loud composer of one post in its closed shadow root, and saves what
 * the user wrote through the page's actions. Returns the teardown.
 */
export function openComposer(request: ComposerRequest): () => void {
  const { kind, id, root, anchor, post, page, onThanked, onWolSaved, onDone } = request;
  setAddressForm(page.addressForm);
  addStyles(root, COMPOSER_CSS);
  const slot = root.ownerDocument.createElement('div');
  root.append(slot);

  const done = (message: MessageKey) => {
    page.announce(t(message));
    onDone();
    return undefined;
  };
  const saveThanks = async (draft: ThankDraft, postedText: string) => {
    if (!page.me) return { reason: 'errorUnknownUser' as const };
    const failure = await page.saveThanks(post, draft, postedText);
    if (failure) return failure;
    onThanked();
    return done('statusSaved');
  };
  const saveWol = async (draft: WolDraft, postedText: string) => {
    const saved = await page.saveWol(draft, postedText);
    if ('reason' in saved) return saved;
    onWolSaved(saved.id);
    return done('wolSaved');
  };

  render(
    kind === 'thanks' ? (
      <ThankComposer
        id={id}
        author={post.author}
        values={page.values}
        anchor={anchor}
        onSave={saveThanks}
        onCancel={onDone}
      />
    ) : (
      <WolComposer
        id={id}
        post={post}
        hashtag={page.wolHashtag}
        hasTargets={page.hasTargets}
        listTargets={page.listTargets}
        anchor={anchor}
        onSave={saveWol}
        onCancel={onDone}
      />
    ),
    slot,
  );
  return () => {
    render(null, slot);
    slot.remove();
  };
}
