import type { AddressForm, Person, PostRef, WOL_TEMPLATES } from '../db/schemas';
import type { MessageKey } from '../i18n/t';
import type { Result } from '../messages/result';
import type { TargetList } from '../targets/target';

/**
 * The composers (Preact and both forms) are not part of the content scripts: every intranet page would
 * pay for them, though most pages never open one. The background injects this script into the tab and
 * frame that asks, on first use; it runs in the same isolated world as the content script, out of the
 * page's reach, and hands itself over through that world's global (see `handOverComposers`).
 */
export const COMPOSERS_SCRIPT = '/composers.js' as const;

export type SaveFailure = { reason: MessageKey; detail?: string };
export type ThankDraft = { to: Person[]; message: string; value: string | undefined };
export type WolDraft = {
  text: string;
  template: (typeof WOL_TEMPLATES)[number] | undefined;
  target: string | undefined;
  linkedPost: PostRef | undefined;
};

/** What every mount on a page shares: who the user is, their settings, and the way to the background. */
export type PageActions = {
  me: Person | undefined;
  /** Sie or du: the composers script has its own copy of `t` and must be told. */
  addressForm: AddressForm;
  values: string[];
  wolHashtag: string;
  hasTargets: boolean;
  /** The user's groups or channels on this intranet, for the work-out-loud composer's target field. */
  listTargets: () => Promise<Result<TargetList>>;
  saveThanks: (post: PostRef, draft: ThankDraft, postedText: string) => Promise<SaveFailure | undefined>;
  /** The saved WOL post's id, or why it was not saved. */
  saveWol: (draft: WolDraft, postedText: string) => Promise<SaveFailure | { id: string }>;
  retryThanks: (post: PostRef) => Promise<SaveFailure | undefined>;
  retryWol: (id: string) => Promise<SaveFailure | undefined>;
  /** Tells screen-reader users what happened, through the page's one live region. */
  announce: (text: string) => void;
};

export type ComposerKind = 'thanks' | 'wol';

export type ComposerRequest = {
  kind: ComposerKind;
  /** The panel's id, which the button that opened it names in `aria-controls`. */
  id: string;
  /** The post's closed shadow root, where the panel goes (into the top layer, so out of the page's flow). */
  root: ShadowRoot;
  /** The button that opened the composer; the panel is placed next to it. */
  anchor: HTMLElement;
  post: PostRef;
  page: PageActions;
  /** The thank-you was saved in the browser. */
  onThanked: () => void;
  /** The work-out-loud post with this id was saved in the browser. */
  onWolSaved: (id: string) => void;
  /** The user is done (cancelled or saved): the caller closes the composer and returns focus. */
  onDone: () => void;
};

export type Composers = {
  /** Shows a composer; the returned function takes it down again. */
  open: (request: ComposerRequest) => () => void;
};

/** The content scripts waiting for the composers, in our isolated world's global (the page has its own). */
type Waiters = { rueckenwindComposerWaiters?: Array<(composers: Composers) => void> };

/** Content script side: resolves once the composers script has run in this world. */
export function awaitComposers(): Promise<Composers> {
  const scope = globalThis as Waiters;
  return new Promise((resolve) => {
    scope.rueckenwindComposerWaiters ??= [];
    scope.rueckenwindComposerWaiters.push(resolve);
  });
}

/**
 * Composers script side: hands the freshly loaded composers to everyone waiting. Each load gets its own
 * copy, so a content script never uses one an older version of the extension left in this world.
 */
export function handOverComposers(composers: Composers): void {
  const scope = globalThis as Waiters;
  const waiting = scope.rueckenwindComposerWaiters ?? [];
  scope.rueckenwindComposerWaiters = [];
  for (const resolve of waiting) resolve(composers);
}
