import { useEffect, useState } from 'preact/hooks';
import type { RueckenwindDb } from '../../lib/db/database';
import type { TaughtSite } from '../../lib/db/schemas';
import { t } from '../../lib/i18n/t';
import { sendFromUi } from '../../lib/messages/send-from-ui';
import { SELECTOR_LABELS } from '../../lib/teach/labels';
import { type SelectorErrors, type SelectorKey, validateSelectors } from '../../lib/teach/validate';

type Props = { db: RueckenwindDb; onChange?: () => void };

const KEYS = Object.keys(SELECTOR_LABELS) as SelectorKey[];

/**
 * The sites the user taught Rückenwind, with their selectors to correct by hand or the whole site to
 * forget (selectors, intranet entry, registration, permission). Reads the database; every change goes
 * through the background.
 */
export function TaughtSites({ db, onChange }: Props) {
  const [sites, setSites] = useState<TaughtSite[]>();
  const load = () => void db.taughtSites.toArray().then(setSites);
  useEffect(load, [db]);
  const changed = () => {
    load();
    onChange?.();
  };

  return (
    <section aria-labelledby="taught-heading">
      <h2 id="taught-heading">{t('optionsTaughtSites')}</h2>
      <p class="hint">{t('optionsTaughtSitesHint')}</p>
      {sites?.length === 0 && <p class="muted">{t('optionsTaughtNone')}</p>}
      {sites?.map((site) => (
        <TaughtSiteForm key={`${site.origin} ${site.updatedAt}`} site={site} onChange={changed} />
      ))}
    </section>
  );
}

function TaughtSiteForm({ site, onChange }: { site: TaughtSite; onChange: () => void }) {
  const [fields, setFields] = useState<Partial<Record<SelectorKey, string>>>(() => ({ ...site.selectors }));
  const [errors, setErrors] = useState<SelectorErrors>({});
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  const id = (key: string) => `taught-${site.origin}-${key}`;

  const save = async (event: Event) => {
    event.preventDefault();
    const checked = validateSelectors(fields, document);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return setStatus({ text: t('optionsSelectorsNotSaved'), error: true });
    }
    setErrors({});
    const result = await sendFromUi({
      type: 'teach.update',
      origin: site.origin,
      selectors: checked.selectors,
    });
    if (!result.ok)
      return setStatus({ text: t(result.error.reason, result.error.detail ?? ''), error: true });
    setStatus({ text: t('optionsSaved'), error: false });
    onChange();
  };
  const forget = async () => {
    const result = await sendFromUi({ type: 'teach.forget', origin: site.origin });
    if (!result.ok)
      return setStatus({ text: t(result.error.reason, result.error.detail ?? ''), error: true });
    onChange();
  };

  return (
    <form onSubmit={save}>
      <fieldset>
        <legend>{site.origin}</legend>
        {KEYS.map((key) => {
          const error = errors[key];
          return (
            <div key={key}>
              <label class="field">
                <span>{t(SELECTOR_LABELS[key])}</span>
                <input
                  type="text"
                  spellcheck={false}
                  value={fields[key] ?? ''}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={error ? id(key) : undefined}
                  onInput={(event) => setFields({ ...fields, [key]: event.currentTarget.value })}
                />
              </label>
              {error && (
                <p class="error" id={id(key)}>
                  {t(error)}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      <div class="row">
        <button type="submit" class="primary">
          {t('optionsSave')}
        </button>
        <button
          type="button"
          onClick={() => void forget()}
          aria-label={t('optionsTaughtForget', site.origin)}
        >
          {t('optionsTaughtForgetShort')}
        </button>
      </div>
      <p class={status.error ? 'status error' : 'status'} role="status">
        {status.text}
      </p>
    </form>
  );
}
