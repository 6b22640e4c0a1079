import type { Signal } from '@preact/signals';
import { useRef, useState } from 'preact/hooks';
import type { Person, PostRef } from '../../lib/db/schemas';
import { t } from '../../lib/i18n/t';
import type { ThankButtonState } from './ThankButton';
import { ThankButton } from './ThankButton';
import { ThankComposer, type ThankDraft } from './ThankComposer';

export type SaveThanks = (
  post: PostRef,
  draft: ThankDraft,
) => ReturnType<Parameters<typeof ThankComposer>[0]['onSave']>;

type Props = {
  post: PostRef;
  /** Shared by every mount of the same post, so a post shown twice shows one state. */
  state: Signal<ThankButtonState>;
  me: Person | undefined;
  save: SaveThanks;
  composerId: string;
};

/** The actions Rückenwind adds to one post: the thank button and, when open, its composer. */
export function PostActions({ post, state, me, save, composerId }: Props) {
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onSave = async (draft: ThankDraft) => {
    if (!me) return { reason: 'errorUnknownUser' as const };
    const failure = await save(post, draft);
    if (failure) return failure;
    state.value = 'saved';
    setAnnouncement(t('statusSaved'));
    close();
    return undefined;
  };

  return (
    <>
      <ThankButton
        authorName={post.author.name}
        state={state.value}
        expanded={open}
        composerId={composerId}
        buttonRef={buttonRef}
        onClick={() => (open ? close() : setOpen(true))}
      />
      <span class="visually-hidden" role="status">
        {announcement}
      </span>
      {open && (
        <ThankComposer
          id={composerId}
          author={post.author}
          anchor={buttonRef.current}
          onSave={onSave}
          onCancel={close}
        />
      )}
    </>
  );
}
