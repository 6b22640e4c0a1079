import { useState } from 'preact/hooks';
import { type AddressForm, HashtagSchema, type Settings, ValueNameSchema } from '../../lib/db/schemas';
import { setAddressForm, t } from '../../lib/i18n/t';
import { sendFromUi } from '../../lib/messages/send-from-ui';
import { defaultValues } from '../thank/values';

type Props = { settings: Settings; onChange: (settings: Settings) => void };

/** Values for thanks, the German form of address, and the Working Out Loud preferences. */
export function Preferences({ settings, onChange }: Props) {
  const [values, setValues] = useState<string[]>(settings.values ?? defaultValues());
  const [newValue, setNewValue] = useState('');
  const [addressForm, setForm] = useState<AddressForm>(settings.addressForm);
  const [hashtag, setHashtag] = useState(settings.wolHashtag);
  const [goal, setGoal] = useState(String(settings.weeklyGoal));
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false });

  const addValue = () => {
    const parsed = ValueNameSchema.safeParse(newValue);
    if (parsed.success && !values.includes(parsed.data)) setValues([...values, parsed.data]);
    setNewValue('');
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (!HashtagSchema.safeParse(hashtag).success)
      return setStatus({ text: t('optionsInvalidHashtag'), error: true });
    const result = await sendFromUi({
      type: 'settings.update',
      patch: {
        values,
        addressForm,
        wolHashtag: hashtag,
        weeklyGoal: Math.max(1, Math.min(50, Number(goal) || 1)),
      },
    });
    if (!result.ok)
      return setStatus({ text: t(result.error.reason, result.error.detail ?? ''), error: true });
    setAddressForm(result.value.addressForm);
    onChange(result.value);
    setStatus({ text: t('optionsSaved'), error: false });
  };

  return (
    <form onSubmit={save}>
      <section aria-labelledby="values-heading">
        <h2 id="values-heading">{t('optionsValues')}</h2>
        <p class="hint">{t('optionsValuesHint')}</p>
        <ul class="list">
          {values.map((value) => (
            <li key={value}>
              <span class="grow">{value}</span>
              <button
                type="button"
                aria-label={t('optionsRemoveValue', value)}
                onClick={() => setValues(values.filter((v) => v !== value))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <div class="row">
          <label class="field grow">
            <span>{t('optionsNewValue')}</span>
            <input
              type="text"
              value={newValue}
              maxLength={60}
              onInput={(event) => setNewValue(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addValue();
                }
              }}
            />
          </label>
          <button type="button" onClick={addValue}>
            {t('optionsAddValue')}
          </button>
          <button type="button" onClick={() => setValues(defaultValues())}>
            {t('optionsResetValues')}
          </button>
        </div>
      </section>
      <section aria-labelledby="language-heading">
        <h2 id="language-heading">{t('optionsLanguage')}</h2>
        <p class="hint">{t('optionsLanguageHint')}</p>
        <fieldset>
          <legend class="visually-hidden">{t('optionsLanguage')}</legend>
          {(['sie', 'du'] as const).map((form) => (
            <label key={form} class="row">
              <input
                type="radio"
                name="address-form"
                checked={addressForm === form}
                onChange={() => setForm(form)}
              />
              {t(form === 'sie' ? 'optionsSie' : 'optionsDu')}
            </label>
          ))}
        </fieldset>
      </section>
      <section aria-labelledby="wol-heading">
        <h2 id="wol-heading">{t('optionsWol')}</h2>
        <label class="field">
          <span>{t('optionsHashtag')}</span>
          <input
            type="text"
            value={hashtag}
            maxLength={41}
            onInput={(event) => setHashtag(event.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t('optionsWeeklyGoal')}</span>
          <input
            type="number"
            min={1}
            max={50}
            value={goal}
            onInput={(event) => setGoal(event.currentTarget.value)}
          />
        </label>
      </section>
      <button type="submit" class="primary">
        {t('optionsSave')}
      </button>
      <p class={status.error ? 'status error' : 'status'} role="status">
        {status.text}
      </p>
    </form>
  );
}
