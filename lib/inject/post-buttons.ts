import type { PostRef } from '../db/schemas';
import { type MessageKey, t } from '../i18n/t';
import type { Result } from '../messages/result';
import type { Cell } from './cell';
import type { ComposerKind, Composers, PageActions } from './composers-contract';
import type { ThanksState } from './thanks-state';

const LOOK: Record<ThanksState['kind'], { text: MessageKey; label: MessageKey; icon: string }> = {
  idle: { text: 'thankButton', label: 'thankButtonLabel', icon: '♥' },
  saved: { text: 'thankedButton', label: 'thankedButtonLabel', icon: '✓' },
  sent: { text: 'thankedButton', label: 'thankedSentButtonLabel', icon: '✓' },
  failed: { text: 'failedButton', label: 'thankFailedButtonLabel', icon: '!' },
};

/** Stands for the name while a text is looked up once per page; a private-use character no text has. */
const NAME_SLOT = '\uE000';

/** What every post's buttons on a page share. */
export type ButtonsKit = {
  page: PageActions;
  loadComposers: () => Promise<Result<Composers>>;
  /** A text with the author's name in it (one browser lookup per text and page, not per post). */
  named: (key: MessageKey, name: string) => string;
  /** The buttons of a post in their idle state, cloned for each post. */
  prototype: HTMLElement;
};

function actionButton(doc: Document, className: string, icon: string, text: string): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = className;
  button.setAttribute('aria-expanded', 'false');
  const glyph = doc.createElement('span');
  glyph.className = 'icon';
  glyph.setAttribute('aria-hidden', 'true');
  glyph.textContent = icon;
  button.append(glyph, text);
  return button;
}

/** Built once per page, after the user's address form (Sie/du) is known. */
export function createButtonsKit(
  doc: Document,
  page: PageActions,
  loadComposers: () => Promise<Result<Composers>>,
): ButtonsKit {
  const split = new Map<MessageKey, string[]>();
  const named = (key: MessageKey, name: string) => {
    let parts = split.get(key);
    if (!parts) {
      parts = t(key, NAME_SLOT).split(NAME_SLOT);
      split.set(key, parts);
    }
    // join, not replace: a `$` in a name is just a character.
    return parts.join(name);
  };
  const prototype = doc.createElement('div');
  const thank = actionButton(doc, 'action thank', LOOK.idle.icon, t(LOOK.idle.text));
  thank.setAttribute('data-state', 'idle');
  prototype.append(thank, actionButton(doc, 'action wol', '↗', t('wolButton')));
  return { page, loadComposers, named, prototype };
}

type PostButtonsOptions = {
  root: ShadowRoot;
  authorName: string;
  /** The full post, read when the user opens a composer or retries (not for every post on the page). */
  readPost: () => PostRef | undefined;
  /** Shared by every mount of the same post, so a post shown twice shows one state. */
  state: Cell<ThanksState>;
  idPrefix: string;
  kit: ButtonsKit;
};

/**
 * The actions Rückenwind adds to one post, as plain DOM in the post's closed shadow root: "Thank you",
 * "Work out loud", and after a failed delivery its reason and a retry. The composers behind the buttons
 * arrive on first use. Returns the teardown.
 */
export function renderPostButtons({
  root,
  authorName: author,
  readPost,
  state,
  idPrefix,
  kit,
}: PostButtonsOptions): () => void {
  const { page, named } = kit;
  const container = kit.prototype.cloneNode(true) as HTMLElement;
  const thank = container.firstElementChild as HTMLButtonElement;
  const wol = thank.nextElementSibling as HTMLButtonElement;
  thank.setAttribute('aria-label', named('thankButtonLabel', author));
  wol.setAttribute('aria-label', named('wolButtonLabel', author));
  let failure: HTMLElement | undefined;
  let retry: HTMLButtonElement | undefined;
  /** The failure line says why a composer did not open, not how the thanks stand. */
  let notice = false;

  /** A line after the buttons: why the thank-you was not sent (with a retry), or why nothing opened. */
  const showFailure = (text: string | undefined, canRetry: boolean) => {
    notice = text !== undefined && !canRetry;
    if (text === undefined) {
      failure?.remove();
      failure = retry = undefined;
      return;
    }
    if (!failure) {
      failure = root.ownerDocument.createElement('span');
      failure.className = 'failure';
      container.append(failure);
    }
    failure.textContent = canRetry ? `${text} ` : text;
    retry = undefined;
    if (!canRetry) return;
    retry = root.ownerDocument.createElement('button');
    retry.type = 'button';
    retry.className = 'retry';
    retry.textContent = t('retry');
    failure.append(retry);
  };

  const show = (current: ThanksState) => {
    const look = LOOK[current.kind];
    const hadFocus = retry !== undefined && root.activeElement === retry;
    thank.setAttribute('data-state', current.kind);
    thank.setAttribute('aria-label', named(look.label, author));
    (thank.firstChild as HTMLElement).textContent = look.icon;
    (thank.lastChild as Text).data = t(look.text);
    const failed = current.kind === 'failed';
    showFailure(failed ? t('statusFailed', current.error ?? '') : undefined, failed);
    // The retry button was replaced under the keyboard user: keep their place on the post.
    if (hadFocus) (retry ?? thank).focus();
  };

  let open: { kind: ComposerKind; close: () => void } | undefined;
  let opening = false;
  const buttonOf = (kind: ComposerKind) => (kind === 'thanks' ? thank : wol);

  const close = (returnFocus: boolean) => {
    if (!open) return;
    const button = buttonOf(open.kind);
    open.close();
    open = undefined;
    button.setAttribute('aria-expanded', 'false');
    button.removeAttribute('aria-controls');
    if (returnFocus) button.focus();
  };

  const toggle = async (kind: ComposerKind) => {
    if (open?.kind === kind) return close(true);
    if (opening) return;
    opening = true;
    const loaded = await kit.loadComposers();
    opening = false;
    const post = readPost();
    if (!loaded.ok || !post) {
      const text = loaded.ok ? t('errorPostUnreadable') : t(loaded.error.reason, loaded.error.detail ?? '');
      page.announce(text);
      return showFailure(text, false);
    }
    if (!container.isConnected) return;
    if (notice) show(state.get());
    close(false);
    const button = buttonOf(kind);
    const id = `${idPrefix}-${kind}`;
    const closeComposer = loaded.value.open({
      kind,
      id,
      root,
      anchor: button,
      post,
      page,
      onThanked: () => state.set({ kind: 'saved' }),
      onDone: () => close(true),
    });
    open = { kind, close: closeComposer };
    button.setAttribute('aria-expanded', 'true');
    button.setAttribute('aria-controls', id);
  };

  const retryDelivery = async () => {
    const post = readPost();
    if (!post) return page.announce(t('errorPostUnreadable'));
    const failed = await page.retryThanks(post);
    if (failed) return page.announce(t(failed.reason, failed.detail ?? ''));
    state.set({ kind: 'saved' });
    page.announce(t('statusSaved'));
  };

  container.addEventListener('click', (event) => {
    const target = event.target;
    if (target === thank || thank.contains(target as Node)) void toggle('thanks');
    else if (target === wol || wol.contains(target as Node)) void toggle('wol');
    else if (retry && target === retry) void retryDelivery();
  });

  const current = state.get();
  if (current.kind !== 'idle') show(current);
  root.append(container);
  const unsubscribe = state.subscribe(show);
  return () => {
    unsubscribe();
    close(false);
    container.remove();
  };
}
