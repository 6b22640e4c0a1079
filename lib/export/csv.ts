/**
 * CSV exports for spreadsheets: thanks, Working Out Loud posts, weekly logs. RFC 4180 quoting, CRLF
 * line ends, and a byte-order mark so that Excel reads the umlauts as UTF-8. Texts from intranets are
 * data: a cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading
 * apostrophe.
 */
import type { Person, Recognition, WeeklyLog, WolPost } from '../db/schemas';

type Cell = string | number | undefined;
type Column<T> = [header: string, value: (row: T) => Cell];

const BOM = '\uFEFF';

function escapeCell(value: Cell): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const lines = [columns.map(([header]) => escapeCell(header))];
  for (const row of rows) lines.push(columns.map(([, value]) => escapeCell(value(row))));
  return `${BOM}${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

const iso = (ms: number) => new Date(ms).toISOString();
const people = (list: readonly Person[]) => list.map((person) => person.name).join('; ');

const RECOGNITION_COLUMNS: Column<Recognition>[] = [
  ['day', (rec) => rec.day],
  ['created_at', (rec) => iso(rec.createdAt)],
  ['direction', (rec) => rec.direction],
  ['from', (rec) => rec.from.name],
  ['to', (rec) => people(rec.to)],
  ['value', (rec) => rec.value],
  ['message', (rec) => rec.message],
  ['intranet', (rec) => rec.post?.origin],
  ['post', (rec) => rec.post?.permalink],
  ['sync', (rec) => rec.sync.state],
  ['id', (rec) => rec.id],
];

const WOL_COLUMNS: Column<WolPost>[] = [
  ['day', (post) => post.day],
  ['created_at', (post) => iso(post.createdAt)],
  ['template', (post) => post.template],
  ['text', (post) => post.text],
  ['intranet', (post) => post.origin],
  ['target', (post) => post.target],
  ['sync', (post) => post.sync.state],
  ['id', (post) => post.id],
];

const LOG_COLUMNS: Column<WeeklyLog>[] = [
  ['week_start', (log) => log.weekStart],
  ['day', (log) => log.day],
  ['did', (log) => log.did],
  ['contributions', (log) => log.contributions],
  ['next', (log) => log.next],
  ['confidence', (log) => log.confidence],
  ['circle_id', (log) => log.circleId],
  ['sync', (log) => log.sync.state],
  ['id', (log) => log.id],
];

const byDay = <T extends { createdAt: number }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => a.createdAt - b.createdAt);

export const recognitionsCsv = (rows: readonly Recognition[]) => toCsv(byDay(rows), RECOGNITION_COLUMNS);
export const wolPostsCsv = (rows: readonly WolPost[]) => toCsv(byDay(rows), WOL_COLUMNS);
export const weeklyLogsCsv = (rows: readonly WeeklyLog[]) => toCsv(byDay(rows), LOG_COLUMNS);
