import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_REMINDER_MINUTES } from '../../lib/circle/meetings';
import type { CircleDraft } from '../../lib/circle/ui-messages';
import type { Circle, Intranet, Person } from '../../lib/db/schemas';
import { t, uiLanguage } from '../../lib/i18n/t';
import { sendFromUi } from '../../lib/messages/send-from-ui';
import { listsTargets, TARGET_LOOKUP_HOSTS } from '../../lib/targets/hosts';
import { TargetField, useTargets } from '../targets/TargetField';
import { PersonFields, parsePerson } from './PersonInput';
import { failureStatus, NO_STATUS, type Status } from './status';

type Props = {
  circle: Circle | undefined;
  /** The enabled intranet an address belongs to (lib/db/reads.ts). */
  findIntranet: (url: string) => Promise<Intranet | undefined>;
  today: string;
  onSaved: (id: string) => void;
  onCancel?: () => void;
};

const REMINDER_CHOICES = [10, 15, 30, 60, 120, 1440];

function originOf(address: string): string | undefined {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Monday … Sunday in the user's language (2024-01-01 was a Monday). */
function weekdayNames(): string[] {
  const format = new Intl.DateTimeFormat(uiLanguage(), { weekday: 'long', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2024, 0, 1 + i)));
}

/** Name, schedule, reminder, members and the circle's place on an intranet: creating and editing. */
export function CircleForm({ circle, findIntranet, today, onSaved, onCancel }: Props) {
  const [name, setName] = useState(circle?.name ?? '');
  const [startDate, setStartDate] = useState(circle?.startDate ?? today);
  const [weekday, setWeekday] = useState(circle?.meeting.weekday ?? 1);
  const [time, setTime] = useState(circle?.meeting.time ?? '09:00');
  const [remindersOn, setRemindersOn] = useState(circle?.remindersOn ?? true);
  const [reminderMinutes, setReminderMinutes] = useState(circle?.reminderMinutes ?? DEFAULT_REMINDER_MINUTES);
  const [members, setMembers] = useState<Person[]>(circle?.members ?? []);
  const [memberName, setMemberName] = useState('');
  const [memberProfile, setMemberProfile] = useState('');
  const [spaceAddress, setSpaceAddress] = useState(circle?.space?.origin ?? '');
  const [spaceTarget, setSpaceTarget] = useState(circle?.space?.target ?? '');
  // The intranet the address names, once it is one the user enabled: its groups or channels are offered.
  const [spaceIntranet, setSpaceIntranet] = useState<{ origin: string; host: string } | undefined>();
  useEffect(() => {
    const origin = originOf(spaceAddress.trim());
    let live = true;
    if (!origin) setSpaceIntranet(undefined);
    else
      void findIntranet(`${origin}/`).then((intranet) => {
        if (live) setSpaceIntranet(intranet ? { origin, host: intranet.host } : undefined);
      });
    return () => {
      live = false;
    };
  }, [spaceAddress]);
  const spaceTargets = useTargets(
    spaceIntranet?.origin ?? '',
    spaceIntranet && listsTargets(spaceIntranet.host)
      ? () => sendFromUi({ type: 'targets.listFor', origin: spaceIntranet.origin })
      : undefined,
  );
  const [status, setStatus] = useState<Status>(NO_STATUS);
  const idPrefix = circle ? `circle-${circle.id}` : 'circle-new';

  const addMember = () => {
    const parsed = parsePerson(memberName, memberProfile);
    if ('problem' in parsed) return setStatus(parsed.problem);
    setMembers([...members, parsed.person]);
    setMemberName('');
    setMemberProfile('');
    setStatus(NO_STATUS);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) return setStatus({ text: t('circleNameRequired'), error: true });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate))
      return setStatus({ text: t('circleStartRequired'), error: true });
    let space: CircleDraft['space'];
    if (spaceAddress.trim()) {
      const origin = originOf(spaceAddress.trim());
      const intranet = origin ? await findIntranet(`${origin}/`) : undefined;
      if (!origin || !intranet) return setStatus({ text: t('circleSpaceNotEnabled'), error: true });
      if (!spaceTarget.trim()) return setStatus({ text: t('circleSpaceTargetRequired'), error: true });
      const target = spaceTarget.trim();
      // The name the user chose it by (or the one saved before), so that the popup can say it.
      const listed = spaceTargets && 'targets' in spaceTargets ? spaceTargets.targets : [];
      const targetName =
        listed.find((entry) => entry.id === target)?.name ??
        (circle?.space?.target === target ? circle.space.targetName : undefined);
      space = { host: intranet.host, origin, target, ...(targetName ? { targetName } : {}) };
    }
    const draft: CircleDraft = {
      id: circle?.id,
      name,
      startDate,
      meeting: { weekday, time },
      remindersOn,
      reminderMinutes,
      members,
      goal: circle?.goal,
      goalChecks: circle?.goalChecks,
      space,
    };
    const result = await sendFromUi({ type: 'circle.save', circle: draft });
    if (!result.ok) return setStatus(failureStatus(result));
    setStatus({ text: t('circleSaved'), error: false });
    onSaved(result.value.id);
  };

  return (
    <form onSubmit={save} aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`}>{t(circle ? 'circleEditHeading' : 'circleNewHeading')}</h2>
      <label class="field">
        <span>{t('circleName')}</span>
        <input
          type="text"
          required
          maxLength={120}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('circleStartDate')}</span>
        <input type="date" required value={startDate} onInput={(e) => setStartDate(e.currentTarget.value)} />
      </label>
      <div class="row">
        <label class="field">
          <span>{t('circleMeetingDay')}</span>
          <select value={String(weekday)} onChange={(e) => setWeekday(Number(e.currentTarget.value))}>
            {weekdayNames().map((label, index) => (
              <option key={label} value={String(index + 1)}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('circleMeetingTime')}</span>
          <input type="time" required value={time} onInput={(e) => setTime(e.currentTarget.value)} />
        </label>
      </div>
      <div class="row">
        <label class="check">
          <input
            type="checkbox"
            checked={remindersOn}
            onChange={(e) => setRemindersOn(e.currentTarget.checked)}
          />
          {t('circleReminders')}
        </label>
        <label class="field">
          <span>{t('circleReminderLead')}</span>
          <select
            value={String(reminderMinutes)}
            disabled={!remindersOn}
            onChange={(e) => setReminderMinutes(Number(e.currentTarget.value))}
          >
            {REMINDER_CHOICES.map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {minutes >= 60
                  ? t('circleHoursBefore', String(minutes / 60))
                  : t('circleMinutesBefore', String(minutes))}
              </option>
            ))}
          </select>
        </label>
      </div>

      <fieldset>
        <legend>{t('circleMembers')}</legend>
        <p class="hint">{t('circleMembersHint')}</p>
        {members.length > 0 && (
          <ul class="list">
            {members.map((member, index) => (
              <li key={`${member.name}-${index}`}>
                <span class="grow">
                  {member.name}
                  {member.profileUrl && <span class="muted"> · {member.profileUrl}</span>}
                </span>
                <button
                  type="button"
                  aria-label={t('circleRemoveMember', member.name)}
                  onClick={() => setMembers(members.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <div class="row">
          <PersonFields
            nameLabel="circleMemberName"
            name={memberName}
            profile={memberProfile}
            onName={setMemberName}
            onProfile={setMemberProfile}
          />
          <button type="button" onClick={addMember}>
            {t('circleAddMember')}
          </button>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('circleSpace')}</legend>
        <p class="hint">{t('circleSpaceHint')}</p>
        <div class="row">
          <label class="field">
            <span>{t('circleSpaceIntranet')}</span>
            <input
              type="url"
              placeholder="https://intranet.example.com"
              value={spaceAddress}
              onInput={(e) => setSpaceAddress(e.currentTarget.value)}
            />
          </label>
          <TargetField
            id={`${idPrefix}-space-target`}
            label={t('circleSpaceTarget')}
            fieldClass="field"
            value={spaceTarget}
            onChange={setSpaceTarget}
            targets={spaceTargets}
            hostName={(spaceIntranet && TARGET_LOOKUP_HOSTS[spaceIntranet.host]) ?? ''}
            disabled={!spaceAddress.trim()}
          />
        </div>
      </fieldset>

      <div class="row">
        <button type="submit" class="primary">
          {t(circle ? 'circleSaveChanges' : 'circleCreate')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('circleCancel')}
          </button>
        )}
      </div>
      <p class={status.error ? 'status error' : 'status'} role={status.error ? 'alert' : 'status'}>
        {status.text}
      </p>
    </form>
  );
}
