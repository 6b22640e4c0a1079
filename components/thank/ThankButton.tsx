import type { Ref } from 'preact';
import { type MessageKey, t } from '../../lib/i18n/t';

/** What the user's latest thank-you on this post has become. */
export type ThanksState =
  | { kind: 'idle' }
  | { kind: 'saved' }
  | { kind: 'sent' }
  | { kind: 'failed'; error: string | undefined };

const LOOK: Record<ThanksState['kind'], { text: MessageKey; label: MessageKey; icon: string }> = {
  idle: { text: 'thankButton', label: 'thankButtonLabel', icon: '♥' },
  saved: { text: 'thankedButton', label: 'thankedButtonLabel', icon: '✓' },
  sent: { text: 'thankedButton', label: 'thankedSentButtonLabel', icon: '✓' },
  failed: { text: 'failedButton', label: 'thankFailedButtonLabel', icon: '!' },
};

type Props = {
  authorName: string;
  state: ThanksState;
  expanded: boolean;
  composerId: string;
  buttonRef: Ref<HTMLButtonElement>;
  onClick: () => void;
};

export function ThankButton({ authorName, state, expanded, composerId, buttonRef, onClick }: Props) {
  const look = LOOK[state.kind];
  return (
    <button
      ref={buttonRef}
      type="button"
      class="action thank"
      data-state={state.kind}
      aria-label={t(look.label, authorName)}
      aria-expanded={expanded}
      aria-controls={expanded ? composerId : undefined}
      onClick={onClick}
    >
      <span class="icon" aria-hidden="true">
        {look.icon}
      </span>
      {t(look.text)}
    </button>
  );
}
