/** Day keys as people read them, in the browser's language. Keys are calendar days, so UTC formats them. */
import { uiLanguage } from '../../lib/i18n/t';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(day: string, options: Intl.DateTimeFormatOptions): string {
  const cacheKey = JSON.stringify(options);
  let formatter = formats.get(cacheKey);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(uiLanguage(), { ...options, timeZone: 'UTC' });
    formats.set(cacheKey, formatter);
  }
  return formatter.format(Date.parse(`${day}T00:00:00Z`));
}

/** "Tuesday, March 3" / "Dienstag, 3. März". */
export const weekdayAndDate = (day: string) =>
  format(day, { weekday: 'long', day: 'numeric', month: 'long' });
/** "March 3" / "3. März". */
export const dayAndMonth = (day: string) => format(day, { day: 'numeric', month: 'long' });
/** "Mar" / "März": over the heatmap's first week of each month. */
export const shortMonth = (day: string) => format(day, { month: 'short' });
/** "Mon" / "Mo": the heatmap's row labels. */
export const weekdayShort = (day: string) => format(day, { weekday: 'short' });
/** "Monday" / "Montag": the row labels for screen readers. */
export const weekdayLong = (day: string) => format(day, { weekday: 'long' });
