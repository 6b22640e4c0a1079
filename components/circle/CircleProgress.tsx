import { weeksByMember } from '../../lib/circle/shared-logs';
import { CIRCLE_WEEKS, circleWeekOn } from '../../lib/circle/weeks';
import type { Circle, WeeklyLog } from '../../lib/db/schemas';
import { type MessageKey, t, uiLanguage } from '../../lib/i18n/t';

const syncLabel = (log: WeeklyLog): MessageKey =>
  log.postedText === undefined
    ? 'progressPrivate'
    : log.sync.state === 'sent'
      ? 'progressShared'
      : 'progressSharing';

/** The user's own weekly logs for this circle: which of the 12 weeks are logged, and which were shared. */
export function CircleProgress({ circle, logs }: { circle: Circle; logs: WeeklyLog[] }) {
  const rows = logs
    .map((log) => ({ log, position: circleWeekOn(circle.startDate, log.day) }))
    .sort((a, b) => a.log.createdAt - b.log.createdAt);
  const weeks = new Set(rows.flatMap(({ position }) => (position.kind === 'running' ? [position.week] : [])));
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t('progressHeading')}</h2>
      <p data-weeks-logged={weeks.size}>
        {t('progressWeeksLogged', [String(weeks.size), String(CIRCLE_WEEKS)])}
      </p>
      {rows.length > 0 && (
        <ul class="list">
          {rows.map(({ log, position }) => (
            <li key={log.id}>
              <span class="grow">
                {position.kind === 'running'
                  ? t('circleWeekOf', [String(position.week), String(CIRCLE_WEEKS)])
                  : log.weekStart}
                {' · '}
                {new Date(log.createdAt).toLocaleDateString(uiLanguage(), { day: 'numeric', month: 'short' })}
              </span>
              <span class="muted">{t(syncLabel(log))}</span>
            </li>
          ))}
        </ul>
      )}
      <p class="hint">{t('progressHowToLog')}</p>
      <MembersProgress circle={circle} />
    </section>
  );
}

/** Each member's weeks, from the logs they shared in the circle's space and this browser saw there. */
function MembersProgress({ circle }: { circle: Circle }) {
  const members = weeksByMember(circle.sharedLogs ?? []);
  return (
    <>
      <h3 id="members-progress-heading">{t('progressMembersHeading')}</h3>
      {!circle.space ? (
        <p class="muted">{t('progressMembersNoSpace')}</p>
      ) : members.length === 0 ? (
        <p class="muted">{t('progressMembersNoneYet', circle.space.origin)}</p>
      ) : (
        <ul class="list" aria-labelledby="members-progress-heading">
          {members.map(({ name, weeks }) => (
            <li key={name} data-member={name}>
              <span class="grow">{name}</span>
              <span>
                {t('progressMemberWeeks', [String(weeks.length), String(CIRCLE_WEEKS), weeks.join(', ')])}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
