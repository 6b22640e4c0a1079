import { useRef, useState } from 'preact/hooks';
import type { Person, PostRef } from '../../lib/db/schemas';
import { type MessageKey, t } from '../../lib/i18n/t';
import { type Cell, useCell } from '../../lib/inject/cell';
import { ThankButton, type ThanksState } from './ThankButton';
import { type SaveFailure, ThankComposer, type ThankDraft } from './ThankComposer';
import { WolComposer, type WolDraft } from './WolComposer';

/** What every mount on a page shares: who the user is, their settings, and the way to the background. */
export type PageActions = {
  me: Person | undefined;
  values: string[];
  wolHashtag: string;
  hasTargets: boolean;
  saveThanks: (post: PostRef, draft: ThankDraft, postedText: string) => Promise<SaveFailure | undefined>;
  saveWol: (draft: WolDraft, postedText: string) => Promise<SaveFailure | undefined>;
  retryThanks: (post: PostRef) => Promise<SaveFailure | undefined>;
  /** Tells screen-reader users what happened, through the page's one live region. */
  announce: (text: string) => void;
};

type Props = {
  post: PostRef;
  /** Shared by every mount of the same post, so a post shown twice shows one state. */
  state: Cell<ThanksState>;
  page: PageActions;
  idPrefix: string;
};

type Open = 'thanks' | 'wol' | undefined;

/** The actions Rückenwind adds to one post: thank its author, or work out loud about it. */
export function PostActions({ post, state, page, idPrefix }: Props) {
  const [open, setOpen] = useState<Open>();
  const thankRef = useRef<HTMLButtonElement>(null);
  const wolRef = useRef<HTMLButtonElement>(null);
  const current = useCell(state);

  const close = () => {
    const returnTo = open === 'wol' ? wolRef : thankRef;
    setOpen(undefined);
    returnTo.current?.focus();
  };
  const toggle = (which: Exclude<Open, undefined>) => (open === which ? close() : setOpen(which));
  const done = (message: MessageKey) => {
    page.announce(t(message));
    close();
    return undefined;
  };

  const saveThanks = async (draft: ThankDraft, postedText: string) => {
    if (!page.me) return { reason: 'errorUnknownUser' as const };
    const failure = await page.saveThanks(post, draft, postedText);
    if (failure) return failure;
    state.set({ kind: 'saved' });
    return done('statusSaved');
  };

  const saveWol = async (draft: WolDraft, postedText: string) => {
    const failure = await page.saveWol(draft, postedText);
    return failure ?? done('wolSaved');
  };

  const retry = async () => {
    const failure = await page.retryThanks(post);
    if (failure) return page.announce(t(failure.reason, failure.detail ?? ''));
    state.set({ kind: 'saved' });
    page.announce(t('statusSaved'));
  };

  return (
    <>
      <ThankButton
        authorName={post.author.name}
        state={current}
        expanded={open === 'thanks'}
        composerId={`${idPrefix}-thanks`}
        buttonRef={thankRef}
        onClick={() => toggle('thanks')}
      />
      <button
        ref={wolRef}
        type="button"
        class="action wol"
        aria-label={t('wolButtonLabel', post.author.name)}
        aria-expanded={open === 'wol'}
        aria-controls={open === 'wol' ? `${idPrefix}-wol` : undefined}
        onClick={() => toggle('wol')}
      >
        <span class="icon" aria-hidden="true">
          ↗
        </span>
        {t('wolButton')}
      </button>
      {current.kind === 'failed' && (
        <span class="failure">
          {t('statusFailed', current.error ?? '')}{' '}
          <button type="button" class="retry" onClick={retry}>
            {t('retry')}
          </button>
        </span>
      )}
      {open === 'thanks' && (
        <ThankComposer
          id={`${idPrefix}-thanks`}
          author={post.author}
          values={page.values}
          anchor={thankRef.current}
          onSave={saveThanks}
          onCancel={close}
        />
      )}
      {open === 'wol' && (
        <WolComposer
          id={`${idPrefix}-wol`}
          post={post}
          hashtag={page.wolHashtag}
          hasTargets={page.hasTargets}
          anchor={wolRef.current}
          onSave={saveWol}
          onCancel={close}
        />
      )}
    </>
  );
}
