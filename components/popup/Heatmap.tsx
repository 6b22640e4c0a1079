import { useRef, useState } from 'preact/hooks';
import type { DayKey } from '../../lib/db/schemas';
import { t } from '../../lib/i18n/t';
import type { Heatmap as HeatmapData, HeatmapDay } from '../../lib/streak/heatmap';
import { shortMonth, weekdayAndDate, weekdayLong, weekdayShort } from './dates';

type Props = { heatmap: HeatmapData; today: DayKey; repaired: readonly DayKey[] };
type Position = { week: number; day: number };

export function dayLabel(cell: HeatmapDay): string {
  const date = weekdayAndDate(cell.day);
  if (cell.future) return t('heatmapDayFuture', date);
  if (cell.contributions === 0) return t('heatmapDayNone', date);
  if (cell.contributions === 1) return t('heatmapDayOne', date);
  return t('heatmapDayMany', [date, String(cell.contributions)]);
}

function positionOf(target: EventTarget | null): Position | undefined {
  const at = target instanceof HTMLElement ? target.dataset.at : undefined;
  const [week, day] = (at ?? '').split('-').map(Number);
  return week === undefined || day === undefined || Number.isNaN(week) || Number.isNaN(day)
    ? undefined
    : { week, day };
}

const MOVES: Record<string, (at: Position, weeks: number) => Position> = {
  ArrowLeft: (at) => ({ ...at, week: at.week - 1 }),
  ArrowRight: (at) => ({ ...at, week: at.week + 1 }),
  ArrowUp: (at) => ({ ...at, day: at.day - 1 }),
  ArrowDown: (at) => ({ ...at, day: at.day + 1 }),
  Home: (at) => ({ ...at, week: 0 }),
  End: (at, weeks) => ({ ...at, week: weeks - 1 }),
};

/**
 * A year of days as a grid, the way GitHub shows it, but readable without seeing it: a table whose
 * cells each say their day and count, one tab stop, arrow keys between days (APG grid pattern).
 */
export function Heatmap({ heatmap, today, repaired }: Props) {
  const { weeks } = heatmap;
  const todayAt = (): Position => {
    const week = weeks.length - 1;
    return { week, day: Math.max(0, weeks[week]?.findIndex((cell) => cell.day === today) ?? 0) };
  };
  const [focus, setFocus] = useState<Position>(todayAt);
  const [detail, setDetail] = useState<string>('');
  const table = useRef<HTMLTableElement>(null);

  // One listener each on the table, not two on each of the 371 cells: the first frame is what counts.
  // The position is read from the focused cell, not from state: keys pressed faster than Preact
  // re-renders must each move one step.
  const onKeyDown = (event: KeyboardEvent) => {
    const move = MOVES[event.key];
    const at = positionOf(event.target);
    if (!move || !at) return;
    event.preventDefault();
    const next = move(at, weeks.length);
    const week = Math.min(weeks.length - 1, Math.max(0, next.week));
    const day = Math.min(6, Math.max(0, next.day));
    table.current?.querySelector<HTMLElement>(`[data-at="${week}-${day}"]`)?.focus();
  };
  const onFocusIn = (event: FocusEvent) => {
    const at = positionOf(event.target);
    if (!at) return;
    setFocus(at);
    setDetail((event.target as HTMLElement).getAttribute('aria-label') ?? '');
  };
  const onMouseOver = (event: MouseEvent) => {
    const label = (event.target as HTMLElement).closest('td')?.getAttribute('aria-label');
    if (label) setDetail(label);
  };
  const firstWeek = weeks[0] ?? [];

  return (
    <section class="heatmap" aria-labelledby="heatmap-heading">
      <h2 id="heatmap-heading">{t('heatmapHeading')}</h2>
      {/* biome-ignore lint/a11y/useKeyWithMouseEvents: onFocusIn shows the same detail for the keyboard. */}
      <table
        ref={table}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the APG data grid pattern, a table whose cells take focus.
        role="grid"
        aria-labelledby="heatmap-heading"
        aria-describedby="heatmap-hint"
        onKeyDown={onKeyDown}
        onFocusIn={onFocusIn}
        onMouseOver={onMouseOver}
      >
        <thead>
          <tr>
            <td aria-hidden="true" />
            {weeks.map((week) => {
              const monday = week[0]?.day ?? '';
              const isRepaired = repaired.includes(monday);
              // A month's name over its first Monday.
              const month = monday.slice(8) <= '07' ? shortMonth(monday) : '';
              return (
                <th
                  key={monday}
                  scope="col"
                  class={isRepaired ? 'repaired' : undefined}
                  aria-label={t(isRepaired ? 'heatmapWeekRepaired' : 'heatmapWeekOf', weekdayAndDate(monday))}
                >
                  {month}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {firstWeek.map((first, day) => (
            <tr key={first.day}>
              <th scope="row" aria-label={weekdayLong(first.day)}>
                {day % 2 === 0 ? weekdayShort(first.day) : ''}
              </th>
              {weeks.map((week, index) => {
                const cell = week[day] as HeatmapDay;
                const focused = focus.week === index && focus.day === day;
                const classes = [
                  `l${cell.level}`,
                  cell.future ? 'future' : '',
                  cell.day === today ? 'today' : '',
                ];
                return (
                  <td
                    key={cell.day}
                    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: cells of the data grid above.
                    role="gridcell"
                    class={classes.filter(Boolean).join(' ')}
                    data-at={`${index}-${day}`}
                    data-day={cell.day}
                    data-level={cell.level}
                    tabIndex={focused ? 0 : -1}
                    aria-label={dayLabel(cell)}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div class="heatmap-foot">
        <p class="heatmap-detail" aria-hidden="true">
          {detail}
        </p>
        <p class="legend" aria-hidden="true">
          {t('heatmapLess')}
          {[0, 1, 2, 3, 4].map((level) => (
            <span key={level} class={`swatch l${level}`} />
          ))}
          {t('heatmapMore')}
        </p>
      </div>
      <p id="heatmap-hint" class="hint">
        {t('heatmapHint')}
      </p>
    </section>
  );
}
