import type { Ref } from 'preact';
import { t } from '../../lib/i18n/t';

export type ThankButtonState = 'idle' | 'saved' | 'error';

type Props = {
  authorName: string;
  state: ThankButtonState;
  expanded: boolean;
  composerId: string;
  buttonRef: Ref<HTMLButtonElement>;
  onClick: () => void;
};

export function ThankButton({ authorName, state, expanded, composerId, buttonRef, onClick }: Props) {
  const saved = state === 'saved';
  return (
    <button
      ref={buttonRef}
      type="button"
      class="thank"
      data-state={state}
      aria-label={t(saved ? 'thankedButtonLabel' : 'thankButtonLabel', authorName)}
      aria-expanded={expanded}
      aria-controls={expanded ? composerId : undefined}
      onClick={onClick}
    >
      <span class="icon" aria-hidden="true">
        {saved ? '✓' : '♥'}
      </span>
      {t(saved ? 'thankedButton' : 'thankButton')}
    </button>
  );
}
