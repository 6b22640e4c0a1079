import type { ComponentChildren, Ref } from 'preact';
import { t } from '../../lib/i18n/t';
import { escapeCancels } from './useAnchoredPanel';

type Props = {
  id: string;
  title: string;
  panelRef: Ref<HTMLDivElement>;
  error: string | undefined;
  saving: boolean;
  saveLabel: string;
  onSubmit: (event: Event) => void;
  onCancel: () => void;
  children: ComponentChildren;
};

/** What every composer shares: a labelled dialog in the top layer, its error, Cancel and Save. */
export function ComposerFrame({
  id,
  title,
  panelRef,
  error,
  saving,
  saveLabel,
  onSubmit,
  onCancel,
  children,
}: Props) {
  const titleId = `${id}-title`;
  return (
    <div
      ref={panelRef}
      id={id}
      class="composer"
      popover="manual"
      role="dialog"
      aria-labelledby={titleId}
      onKeyDown={escapeCancels(onCancel)}
    >
      <form onSubmit={onSubmit}>
        <h2 id={titleId}>{title}</h2>
        {error && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
        {children}
        <div class="buttons">
          <button type="button" onClick={onCancel}>
            {t('composerCancel')}
          </button>
          <button type="submit" class="primary" disabled={saving}>
            {saving ? t('composerSaving') : saveLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
