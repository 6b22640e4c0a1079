import type { PostRef } from '../db/schemas';
import { type MessageKey, t } from '../i18n/t';
import type { Result } from '../messages/result';
import type { Cell } from './cell';
import type { ComposerKind, Composers, PageActions } from './composers-contract';
import type { ThanksState } from './thanks-state';
import { IDLE_POST, type PostState, type WolState } from './wol-state';

const LOOK: Record<ThanksState['kind'], { text: MessageKey; label: MessageKey; icon: string }> = {
  idle: { text: 'thankButton', label: 'thankButtonLabel', icon: '♥' },
  saved: { text: 'thankedButton', label: 'thankedButtonLabel', icon: '✓' },
  sent: { text: 'thankedButton', label: 'thankedSentButtonLabel', icon: '✓' },
  failed: { text: 'failedButton', label: 'thankFailedButtonLabel', icon: '!' },
};

/**
 * The "Work out loud" button keeps its name, as it always offers a new post; how the latest one stands
 * is said in a line after the buttons, which the button names as its description.
 */
const WOL_LOOK: Record<WolState['kind'], { note?: MessageKey; icon: string }> = {
  idle: { icon: '↗' },
  saved: { note: 'wolSaved', icon: '✓' },
  sent: { note: 'wolSent', icon: '✓' },
  failed: { note: 'wolFailed', icon: '!' },
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

/** A line after a post's buttons: a text, with a retry where a failed delivery can be tried again. */
function noteLine(container: HTMLElement, className: string) {
  const doc = container.ownerDocument;
  const line = {
    element: undefined as HTMLElement | undefined,
    retry: undefined as HTMLButtonElement | undefined,
    show(text: string | undefined, canRetry: boolean) {
      line.retry = undefined;
      if (text === undefined) {
        line.element?.remove();
        line.element = undefined;
        return;
      }
      line.element ??= container.appendChild(doc.createElement('span'));
      line.element.className = className;
      line.element.textContent = canRetry ? `${text} ` : text;
      if (!canRetry) return;
      line.retry = doc.createElement('button');
      line.retry.type = 'button';
      line.retry.className = 'retry';
      line.retry.textContent = t('retry');
      line.element.append(line.retry);
    },
  };
  return line;
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
  const wol = actionButton(doc, 'action wol', WOL_LOOK.idle.icon, t('wolButton'));
  for (const button of [thank, wol]) button.setAttribute('data-state', 'idle');
  prototype.append(thank, wol);
  return { page, loadComposers, named, prototype };
}

type PostButtonsOptions = {
  root: ShadowRoot;
  authorName: string;
  /** The full post, read when the user opens a composer or retries (not for every post on the page). */
  readPost: () => PostRef | undefined;
  /** Shared by every mount of the same post, so a post shown twice shows one state. */
  state: Cell<PostState>;
  idPrefix: string;
  kit: ButtonsKit;
};

/**
 * The actions Rückenwind adds to one post, as plain DOM in the post's closed shadow root: "Thank you",
 * "Work out loud", and after saving how each delivery stands, a failed one with its reason and a retry.
 * The composers behind the buttons arrive on first use. Returns the teardown.
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
  /** Why the thank-you was not sent (with a retry), or why no composer opened. */
  const failure = noteLine(container, 'failure');
  const wolNote = noteLine(container, 'note');
  /** The failure line says why a composer did not open, not how the thanks stand. */
  let notice = false;

  const showFailure = (text: string | undefined, canRetry: boolean) => {
    notice = text !== undefined && !canRetry;
    failure.show(text, canRetry);
  };

  const showThanks = (current: ThanksState) => {
    const look = LOOK[current.kind];
    const hadFocus = failure.retry !== undefined && root.activeElement === failure.retry;
    thank.setAttribute('data-state', current.kind);
    thank.setAttribute('aria-label', named(look.label, author));
    (thank.firstChild as HTMLElement).textContent = look.icon;
    (thank.lastChild as Text).data = t(look.text);
    const failed = current.kind === 'failed';
    showFailure(failed ? t('statusFailed', current.error ?? '') : undefined, failed);
    // The retry button was replaced under the keyboard user: keep their place on the post.
    if (hadFocus) (failure.retry ?? thank).focus();
  };

  const showWol = (current: WolState) => {
    const look = WOL_LOOK[current.kind];
    const hadFocus = wolNote.retry !== undefined && root.activeElement === wolNote.retry;
    wol.setAttribute('data-state', current.kind);
    (wol.firstChild as HTMLElement).textContent = look.icon;
    const failed = current.kind === 'failed';
    wolNote.show(look.note && t(look.note, failed ? (current.error ?? '') : undefined), failed);
    const note = wolNote.element;
    if (note) {
      note.id = `${idPrefix}-wol-state`;
      note.setAttribute('data-state', current.kind);
      wol.setAttribute('aria-describedby', note.id);
    } else wol.removeAttribute('aria-describedby');
    if (hadFocus) (wolNote.retry ?? wol).focus();
  };

  /** What is shown now; each part is drawn again only when it changed (states are replaced, not changed). */
  let shown = IDLE_POST;
  const show = (current: PostState) => {
    if (current.thanks !== shown.thanks) showThanks(current.thanks);
    if (current.wol !== shown.wol) showWol(current.wol);
    shown = current;
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
    if (notice) showThanks(state.get().thanks);
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
      onThanked: () => state.set({ ...state.get(), thanks: { kind: 'saved' } }),
      onWolSaved: (wolId) => state.set({ ...state.get(), wol: { kind: 'saved', id: wolId } }),
      onDone: () => close(true),
    });
    open = { kind, close: closeComposer };
    button.setAttribute('aria-expanded', 'true');
    button.setAttribute('aria-controls', id);
  };

  const retryThanks = async () => {
    const post = readPost();
    if (!post) return page.announce(t('errorPostUnreadable'));
    const failed = await page.retryThanks(post);
    if (failed) return page.announce(t(failed.reason, failed.detail ?? ''));
    state.set({ ...state.get(), thanks: { kind: 'saved' } });
    page.announce(t('statusSaved'));
  };

  const retryWol = async () => {
    const current = state.get().wol;
    if (current.kind === 'idle') return;
    const failed = await page.retryWol(current.id);
    if (failed) return page.announce(t(failed.reason, failed.detail ?? ''));
    state.set({ ...state.get(), wol: { kind: 'saved', id: current.id } });
    page.announce(t('wolSaved'));
  };

  container.addEventListener('click', (event) => {
    const target = event.target as Node;
    if (thank.contains(target)) void toggle('thanks');
    else if (wol.contains(target)) void toggle('wol');
    else if (target === failure.retry) void retryThanks();
    else if (target === wolNote.retry) void retryWol();
  });

  show(state.get());
  root.append(container);
  const unsubscribe = state.subscribe(show);
  return () => {
    unsubscribe();
    close(false);
    container.remove();
  };
}
