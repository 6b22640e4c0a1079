import { t } from '../../lib/i18n/t';

/** The text exactly as it will be posted, updated as the user types. */
export function Preview({ id, text }: { id: string; text: string }) {
  return (
    <section class="field" aria-labelledby={`${id}-preview`}>
      <h3 id={`${id}-preview`} class="label">
        {t('composerPreview')}
      </h3>
      <p class="preview" aria-live="polite">
        {text}
      </p>
    </section>
  );
}
