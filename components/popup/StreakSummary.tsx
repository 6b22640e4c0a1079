import { t } from '../../lib/i18n/t';
import type { Streak } from '../../lib/streak/streak';
import { dayAndMonth } from './dates';

/** The weekly streak, its repaired weeks, and how far this week is. */
export function StreakSummary({ streak }: { streak: Streak }) {
  const { thisWeek } = streak;
  const progress = [String(thisWeek.contributions), String(thisWeek.goal)];
  return (
    <section class="streak" aria-labelledby="streak-heading">
      <h2 id="streak-heading">{t('streakHeading')}</h2>
      <p class="streak-length" data-streak-weeks={streak.weeks}>
        {streak.weeks === 0
          ? t('streakNone')
          : streak.weeks === 1
            ? t('streakWeeksOne')
            : t('streakWeeksMany', String(streak.weeks))}
      </p>
      <p class={thisWeek.met ? 'met' : undefined}>
        {thisWeek.met ? t('streakThisWeekMet', progress) : t('streakThisWeekOpen', progress)}
      </p>
      {streak.repaired.map((monday) => (
        <p key={monday} class="repaired" data-repaired={monday}>
          {t('streakRepaired', dayAndMonth(monday))}
        </p>
      ))}
      <p class="hint">{t('streakCounted')}</p>
    </section>
  );
}
