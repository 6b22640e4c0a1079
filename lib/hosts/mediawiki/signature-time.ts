/**
 * When a comment was signed, read from its signature's date (`09:12, 16 November 2026 (UTC)`,
 * `09:12, November 16, 2026 (UTC)`, `09:12, 16. Nov. 2026 (CET)`). Only time zones whose offset is
 * known are read; for others the caller falls back to the time the comment was found.
 */
/** Month names and abbreviations of English and German wikis, January first. */
const MONTH_NAMES = [
  'january jan januar jänner',
  'february feb februar',
  'march mar märz mär',
  'april apr',
  'may mai',
  'june jun juni',
  'july jul juli',
  'august aug',
  'september sep sept',
  'october oct oktober okt',
  'november nov',
  'december dec dezember dez',
];
const MONTHS = new Map(MONTH_NAMES.flatMap((names, month) => names.split(' ').map((name) => [name, month])));

/** Hours ahead of UTC. */
const ZONES: Record<string, number> = { UTC: 0, GMT: 0, CET: 1, MEZ: 1, CEST: 2, MESZ: 2 };

const DAY_FIRST =
  /^(?<hour>\d{1,2}):(?<minute>\d{2}), (?<day>\d{1,2})\.? (?<month>[^\s\d(),.]+)\.? (?<year>\d{4}) \((?<zone>[^\s()]+)\)$/u;
const MONTH_FIRST =
  /^(?<hour>\d{1,2}):(?<minute>\d{2}), (?<month>[^\s\d(),.]+)\.? (?<day>\d{1,2}), (?<year>\d{4}) \((?<zone>[^\s()]+)\)$/u;

export function signatureTimeOf(timestamp: string): number | undefined {
  const text = timestamp.replace(/\s+/g, ' ');
  const parts = (DAY_FIRST.exec(text) ?? MONTH_FIRST.exec(text))?.groups;
  if (!parts) return undefined;
  const month = MONTHS.get((parts.month ?? '').toLocaleLowerCase('de'));
  const offset = ZONES[parts.zone ?? ''];
  if (month === undefined || offset === undefined) return undefined;
  return Date.UTC(
    Number(parts.year),
    month,
    Number(parts.day),
    Number(parts.hour) - offset,
    Number(parts.minute),
  );
}
