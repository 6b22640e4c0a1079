/**
 * The weekly log's form: loaded only when the user opens it (WeeklyLog.tsx), so that neither it nor
 * Dexie weighs on the popup's first frame.
 */
import { useState } from 'preact/hooks';
import { weeklyLogText } from '../../lib/circle/log-text';
import { contributionsPrefill } from '../../lib/circle/prefill';
import { circleWeekOn } from '../../lib/circle/weeks';
import type { RueckenwindDb } from '../../lib/db/database';
import { addDays } from '../../lib/db/day-key';
import type { Circle, DayKey, WeeklyLog as Log } from '../../lib/db/schemas';
import { t } from '../../lib/i18n/t';
import { sendFromUi } from '../../lib/messages/send-from-ui';

export type Loaded = { circles: Circle[]; logs: Log[]; prefill: string };

export async function loadWeeklyLog(db: RueckenwindDb, monday: DayKey): Promise<Loaded> {
  const sunday = addDays(monday, 6);
  const [circles, logs, thanks, wolPosts] = await Promise.all([
    db.circles.toArray(),
    db.weeklyLogs.where('weekStart').equals(monday).toArray(),
    db.recognitions.where('day').between(monday, sunday, true, true).toArray(),
    db.wolPosts.where('day').between(monday, sunday, true, true).toArray(),
  ]);
  circles.sort((a, b) => b.createdAt - a.createdAt);
  return { circles, logs, prefill: contributionsPrefill(thanks, wolPosts) };
}

const CONFIDENCE = [1, 2, 3, 4, 5] as const;

type FormProps = { loaded: Loaded; monday: DayKey; today: DayKey };

/** With several circles, which one this log is for; each has its own log of the week. */
export function CircleChoice(props: FormProps) {
  const { circles } = props.loaded;
  const [circleId, setCircleId] = useState<string | undefined>(circles[0]?.id);
  return (
    <>
      {circles.length > 1 && (
        <label class="field">
          <span>{t('logCircle')}</span>
          <select value={circleId} onChange={(e) => setCircleId(e.currentTarget.value)}>
            {circles.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <LogForm key={circleId ?? ''} {...props} circleId={circleId} />
    </>
  );
}

function LogForm({ loaded, monday, today, circleId }: FormProps & { circleId: string | undefined }) {
  const existing = loaded.logs.find((log) => log.circleId === circleId);
  const [did, setDid] = useState(existing?.did ?? '');
  const [contributions, setContributions] = useState(existing?.contributions ?? loaded.prefill);
  const [next, setNext] = useState(existing?.next ?? '');
  const [confidence, setConfidence] = useState(existing?.confidence ?? 3);
  const [share, setShare] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  const circle = loaded.circles.find((entry) => entry.id === circleId);
  const alreadyShared = existing?.postedText !== undefined;
  const canShare = circle?.space !== undefined && !alreadyShared;
  const position = circle ? circleWeekOn(circle.startDate, today) : undefined;
  const week = position?.kind === 'running' ? position.week : undefined;
  const preview = circle ? weeklyLogText(circle, week, { did, contributions, next }) : '';

  const save = async (event: Event) => {
    event.preventDefault();
    if (!did.trim() && !contributions.trim() && !next.trim()) {
      return setStatus({ text: t('logEmpty'), error: true });
    }
    const result = await sendFromUi({
      type: 'weeklyLog.save',
      circleId,
      weekStart: monday,
      did,
      contributions,
      next,
      confidence,
      share: canShare && share ? preview : undefined,
    });
    if (!result.ok)
      return setStatus({ text: t(result.error.reason, result.error.detail ?? ''), error: true });
    setStatus({
      text:
        canShare && share && circle?.space
          ? t('logSavedShared', circle.space.targetName ?? circle.space.target)
          : t('logSaved'),
      error: false,
    });
  };

  return (
    <form onSubmit={save} aria-labelledby="weekly-log-heading">
      {circle && week !== undefined && <p class="muted">{t('logWeekOf', [circle.name, String(week)])}</p>}
      <label class="field">
        <span>{t('logDid')}</span>
        <textarea rows={3} maxLength={2000} value={did} onInput={(e) => setDid(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('logContributions')}</span>
        <textarea
          rows={4}
          maxLength={2000}
          value={contributions}
          onInput={(e) => setContributions(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('logNext')}</span>
        <textarea rows={2} maxLength={2000} value={next} onInput={(e) => setNext(e.currentTarget.value)} />
      </label>
      <fieldset aria-describedby="confidence-private">
        <legend>{t('logConfidence')}</legend>
        <p class="muted" id="confidence-private">
          {t('logConfidencePrivate')}
        </p>
        <div class="row">
          {CONFIDENCE.map((level) => (
            <label key={level} class="check">
              <input
                type="radio"
                name="confidence"
                value={String(level)}
                checked={confidence === level}
                onChange={() => setConfidence(level)}
              />
              {level}
            </label>
          ))}
        </div>
      </fieldset>
      {alreadyShared && <p class="muted">{t('logAlreadyShared')}</p>}
      {canShare && circle?.space && (
        <>
          <label class="check">
            <input type="checkbox" checked={share} onChange={(e) => setShare(e.currentTarget.checked)} />
            {t('logShare', circle.space.targetName ?? circle.space.target)}
          </label>
          {share && (
            <>
              <p class="muted">{t('logPreview')}</p>
              <pre class="preview" data-preview="weekly-log">
                {preview}
              </pre>
            </>
          )}
        </>
      )}
      <button type="submit" class="primary">
        {t('logSave')}
      </button>
      <p class={status.error ? 'status error' : 'status'} role={status.error ? 'alert' : 'status'}>
        {status.text}
      </p>
    </form>
  );
}
