import type { Totals } from '../../lib/db/reads';
import { type MessageKey, t } from '../../lib/i18n/t';

const ROWS: Array<[keyof Totals, MessageKey]> = [
  ['thanksGiven', 'yearThanksGiven'],
  ['thanksReceived', 'yearThanksReceived'],
  ['wolPosts', 'yearWolPosts'],
  ['weeklyLogs', 'yearWeeklyLogs'],
];

/** This calendar year's totals, from the daily aggregate. */
export function YearTotals({ totals, year }: { totals: Totals; year: string }) {
  return (
    <section aria-labelledby="year-heading">
      <h2 id="year-heading">{t('yearHeading', year)}</h2>
      <dl class="year">
        {ROWS.map(([key, label]) => (
          <div key={key} data-year={key}>
            <dt>{t(label)}</dt>
            <dd>{totals[key]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
