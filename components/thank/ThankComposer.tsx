import { useState } from 'preact/hooks';
import { thankYouText } from '../../lib/compose/post-texts';
import type { Person } from '../../lib/db/schemas';
import { t } from '../../lib/i18n/t';
import type { SaveFailure, ThankDraft } from '../../lib/inject/composers-contract';
import { ComposerFrame } from './ComposerFrame';
import { Preview } from './Preview';
import { useAnchoredPanel } from './useAnchoredPanel';

type Props = {
  id: string;
  author: Person;
  /** The value/category list the user configured (or the defaults for their language). */
  values: string[];
  /** The button that opened the composer; the panel is placed next to it. */
  anchor: HTMLElement | null;
  onSave: (draft: ThankDraft, postedText: string) => Promise<SaveFailure | undefined>;
  onCancel: () => void;
};

export function ThankComposer({ id, author, values, anchor, onSave, onCancel }: Props) {
  const [to, setTo] = useState<Person[]>([author]);
  const [extra, setExtra] = useState('');
  const [message, setMessage] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const { panelRef, firstFieldRef: messageRef } = useAnchoredPanel<HTMLTextAreaElement>(anchor);

  const addPerson = () => {
    const name = extra.trim();
    if (name && !to.some((p) => p.name === name)) setTo([...to, { name }]);
    setExtra('');
  };

  const posted = thankYouText({ to, message, value: value || undefined });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (to.length === 0) return setError(t('composerRecipientRequired'));
    if (!message.trim()) {
      messageRef.current?.focus();
      return setError(t('composerMessageRequired'));
    }
    setSaving(true);
    setError(undefined);
    const failure = await onSave({ to, message: message.trim(), value: value || undefined }, posted);
    setSaving(false);
    if (failure) setError(t(failure.reason, failure.detail ?? ''));
  };

  return (
    <ComposerFrame
      id={id}
      title={t('composerTitle')}
      panelRef={panelRef}
      error={error}
      saving={saving}
      saveLabel={t('composerSave')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <fieldset class="field recipients">
        <legend class="label">{t('composerTo')}</legend>
        <ul class="chips">
          {to.map((person) => (
            <li class="chip" key={person.name}>
              {person.name}
              <button
                type="button"
                aria-label={t('composerRemovePerson', person.name)}
                onClick={() => setTo(to.filter((p) => p !== person))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <div class="add">
          <input
            aria-label={t('composerAddPerson')}
            placeholder={t('composerAddPerson')}
            value={extra}
            maxLength={200}
            onInput={(event) => setExtra(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                addPerson();
              }
            }}
          />
          <button type="button" onClick={addPerson}>
            {t('composerAddPersonButton')}
          </button>
        </div>
      </fieldset>
      <label class="field">
        <span class="label">{t('composerMessage')}</span>
        <textarea
          ref={messageRef}
          placeholder={t('composerMessagePlaceholder')}
          maxLength={2000}
          aria-required="true"
          value={message}
          onInput={(event) => setMessage(event.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span class="label">{t('composerValue')}</span>
        <select value={value} onChange={(event) => setValue(event.currentTarget.value)}>
          <option value="">{t('composerValueNone')}</option>
          {values.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <Preview id={id} text={posted} />
    </ComposerFrame>
  );
}
