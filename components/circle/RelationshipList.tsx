import { useState } from 'preact/hooks';
import { contactHint, lastContributionAt } from '../../lib/circle/contact';
import { CONTRIBUTION_KINDS, type Relationship } from '../../lib/db/schemas';
import { type MessageKey, t, uiLanguage } from '../../lib/i18n/t';
import { sendFromUi } from '../../lib/messages/send-from-ui';
import { PersonFields, parsePerson } from './PersonInput';
import { failureStatus, NO_STATUS, type Status } from './status';

type Kind = (typeof CONTRIBUTION_KINDS)[number];
const CLOSENESS = [0, 1, 2, 3, 4, 5] as const;
const kindOf = (value: string): Kind => CONTRIBUTION_KINDS.find((kind) => kind === value) ?? 'other';
const closenessLabel = (level: number) => t(`closeness${level}` as MessageKey);
const kindLabel = (kind: Kind) => t(`contributionKind_${kind}` as MessageKey);
const dateOf = (ms: number) =>
  new Date(ms).toLocaleDateString(uiLanguage(), { day: 'numeric', month: 'short' });

/** How close a person is, 0–5, as a labelled choice. */
function ClosenessField({
  label,
  level,
  onChange,
}: {
  label: string;
  level: number;
  onChange: (level: number) => void;
}) {
  return (
    <label class="field">
      <span>{label}</span>
      <select
        aria-label={label}
        value={String(level)}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      >
        {CLOSENESS.map((choice) => (
          <option key={choice} value={String(choice)}>
            {choice} – {closenessLabel(choice)}
          </option>
        ))}
      </select>
    </label>
  );
}

type Props = { circleId: string; relationships: Relationship[]; now: number; onChange: () => void };

/** The people related to the goal, how close each is (0–5), and what the user gave each of them. */
export function RelationshipList({ circleId, relationships, now, onChange }: Props) {
  const [name, setName] = useState('');
  const [profile, setProfile] = useState('');
  const [closeness, setCloseness] = useState(0);
  const [status, setStatus] = useState<Status>(NO_STATUS);

  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = parsePerson(name, profile);
    if ('problem' in parsed) return setStatus(parsed.problem);
    const { person } = parsed;
    const result = await sendFromUi({ type: 'relationship.save', circleId, person, closeness });
    if (!result.ok) return setStatus(failureStatus(result));
    setName('');
    setProfile('');
    setCloseness(0);
    setStatus({ text: t('relationshipAdded', person.name), error: false });
    onChange();
  };

  return (
    <section aria-labelledby="relationships-heading">
      <h2 id="relationships-heading">{t('relationshipsHeading')}</h2>
      <p class="hint">{t('relationshipsHint')}</p>
      {relationships.length === 0 ? (
        <p class="muted">{t('relationshipsEmpty')}</p>
      ) : (
        <ul class="list relationships">
          {relationships.map((relationship) => (
            <RelationshipItem
              key={relationship.id}
              relationship={relationship}
              now={now}
              onChange={onChange}
            />
          ))}
        </ul>
      )}
      <form onSubmit={add} aria-labelledby="relationship-add-heading">
        <h3 id="relationship-add-heading">{t('relationshipAddHeading')}</h3>
        <div class="row">
          <PersonFields
            nameLabel="relationshipName"
            name={name}
            profile={profile}
            onName={setName}
            onProfile={setProfile}
          />
          <ClosenessField label={t('relationshipCloseness')} level={closeness} onChange={setCloseness} />
          <button type="submit">{t('relationshipAdd')}</button>
        </div>
        <p class={status.error ? 'status error' : 'status'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      </form>
    </section>
  );
}

function RelationshipItem({
  relationship,
  now,
  onChange,
}: {
  relationship: Relationship;
  now: number;
  onChange: () => void;
}) {
  const [kind, setKind] = useState<Kind>('help');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<Status>(NO_STATUS);
  const { person } = relationship;
  const hint = contactHint(relationship, now);
  const last = lastContributionAt(relationship);
  const reply = (result: Awaited<ReturnType<typeof sendFromUi>>, done: string) => {
    if (!result.ok) return setStatus(failureStatus(result));
    setStatus({ text: done, error: false });
    onChange();
  };

  const setLevel = async (level: number) =>
    reply(
      await sendFromUi({
        type: 'relationship.save',
        id: relationship.id,
        circleId: relationship.circleId,
        person,
        closeness: level,
      }),
      t('relationshipSaved'),
    );
  const contribute = async (event: Event) => {
    event.preventDefault();
    const trimmed = note.trim();
    const message = trimmed
      ? ({ type: 'relationship.contribute', id: relationship.id, kind, note: trimmed } as const)
      : ({ type: 'relationship.contribute', id: relationship.id, kind } as const);
    reply(await sendFromUi(message), t('relationshipContributed', person.name));
    setNote('');
  };
  const remove = async () =>
    reply(
      await sendFromUi({ type: 'relationship.delete', id: relationship.id }),
      t('relationshipRemoved', person.name),
    );

  return (
    <li class="relationship" data-person={person.name}>
      <div class="grow">
        <strong>{person.profileUrl ? <a href={person.profileUrl}>{person.name}</a> : person.name}</strong>
        <span class="muted">
          {' · '}
          {t('relationshipContributions', String(relationship.contributions.length))}
          {last !== undefined && ` · ${t('relationshipLast', dateOf(last))}`}
        </span>
        {hint && (
          <p class="hint-stale">
            {hint.kind === 'never'
              ? t('relationshipNever', String(hint.weeks))
              : t('relationshipStale', String(hint.weeks))}
          </p>
        )}
        <ClosenessField
          label={t('relationshipClosenessOf', person.name)}
          level={relationship.closeness}
          onChange={(level) => void setLevel(level)}
        />
        {relationship.contributions.length > 0 && (
          <details>
            <summary>{t('relationshipHistory', person.name)}</summary>
            <ul>
              {relationship.contributions.map((contribution) => (
                <li key={`${contribution.at}-${contribution.kind}`}>
                  {dateOf(contribution.at)} · {kindLabel(contribution.kind)}
                  {contribution.note && `: ${contribution.note}`}
                </li>
              ))}
            </ul>
          </details>
        )}
        <form class="row" onSubmit={contribute} aria-label={t('relationshipContributeTo', person.name)}>
          <label class="field">
            <span>{t('contributionKind')}</span>
            <select value={kind} onChange={(e) => setKind(kindOf(e.currentTarget.value))}>
              {CONTRIBUTION_KINDS.map((option) => (
                <option key={option} value={option}>
                  {kindLabel(option)}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>{t('contributionNote')}</span>
            <input type="text" maxLength={400} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          <button type="submit">{t('contributionAdd')}</button>
        </form>
        <p class={status.error ? 'status error' : 'status'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      </div>
      <button type="button" aria-label={t('relationshipRemove', person.name)} onClick={() => void remove()}>
        ×
      </button>
    </li>
  );
}
