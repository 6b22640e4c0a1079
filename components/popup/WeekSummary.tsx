import type { DailyAggregate } from '../../lib/db/schemas';
import { type MessageKey, t } from '../../lib/i18n/t';

type Totals = Omit<DailyAggregate, 'day'>;

const FIGURES: Array<[keyof Totals, MessageKey]> = [
  ['thanksGiven', 'popupThanksThisWeek'],
  ['thanksReceived', 'popupThanksReceivedThisWeek'],
  ['wolPosts', 'popupWolPostsThisWeek'],
];

/** This week's totals, read from the daily aggregate. */
export function WeekSummary({ totals, weekLabel }: { totals: Totals | undefined; weekLabel: string }) {
  return (
    <section aria-labelledby="week-heading">
      <h2 id="week-heading" class="week">
        {weekLabel}
      </h2>
      {totals ? (
        <ul class="figures">
          {FIGURES.map(([key, label]) => (
            <li class="figure" key={key} data-figure={key}>
              <span class="count">{totals[key]}</span>
              <span>{t(label)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p aria-busy="true">{t('popupLoading')}</p>
      )}
    </section>
  );
}
