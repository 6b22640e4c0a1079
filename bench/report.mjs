/** Pure arithmetic and formatting of the benchmark's results: no browser, no files. */

/** @typedef {import('./feed-page.js').Shift} Shift */
/** @typedef {{ p50: number, p95: number, max: number, count: number }} Distribution */

/** The targets of issue 3 §5. */
export const TARGETS = {
  contentScriptGzipBytes: 25_600,
  injectLatencyP95Ms: 16,
  scriptingOverheadRatio: 1.1,
  layoutShift: 0,
};

/**
 * Nearest-rank percentile (the value at rank ⌈p·n⌉ of the sorted values): always one of the measured
 * values, so a p95 of 5,000 latencies is a latency some post really had.
 * @param {readonly number[]} sorted ascending
 * @param {number} p 0 < p ≤ 1
 */
export function percentile(sorted, p) {
  const value = sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
  if (value === undefined) throw new Error('percentile of no values');
  return value;
}

/**
 * @param {readonly number[]} values
 * @returns {Distribution}
 */
export function distribution(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    max: percentile(sorted, 1),
    count: sorted.length,
  };
}

/**
 * Insert-to-button latency of every post, and the posts that never got a button.
 * @param {Record<string, number>} insertedAt
 * @param {Record<string, number>} mountedAt
 * @returns {{ latencies: number[], missing: string[] }}
 */
export function injectLatencies(insertedAt, mountedAt) {
  /** @type {number[]} */
  const latencies = [];
  /** @type {string[]} */
  const missing = [];
  for (const [id, inserted] of Object.entries(insertedAt)) {
    const mounted = mountedAt[id];
    if (mounted === undefined) missing.push(id);
    else latencies.push(mounted - inserted);
  }
  return { latencies, missing };
}

/**
 * The sum of every shift the page had (the original definition of CLS, over the page's whole life rather
 * than its worst 5-second window): any shift we add anywhere shows up.
 * @param {readonly Shift[]} shifts
 */
export function cumulativeShift(shifts) {
  return shifts.reduce((sum, shift) => sum + shift.value, 0);
}

/**
 * Shifts with a source in or on one of our host elements.
 * @param {readonly Shift[]} shifts
 * @returns {Shift[]}
 */
export function shiftsTouchingUs(shifts) {
  return shifts.filter((shift) => shift.sources.some((source) => source.ours));
}

/**
 * @typedef {object} Headline
 * @property {number} contentScriptGzipBytes
 * @property {number} injectLatencyP95Ms
 * @property {number} scriptingOverheadRatio
 * @property {number} layoutShift
 * @property {boolean} buttonsEqualPosts
 */

/**
 * @typedef {{ key: keyof Headline, metric: string, measured: string, target: string, pass: boolean }} Row
 */

/**
 * @param {Headline} results
 * @returns {Row[]}
 */
export function rowsOf(results) {
  return [
    {
      key: 'contentScriptGzipBytes',
      metric: 'content script (gzip -9, largest)',
      measured: `${results.contentScriptGzipBytes} B (${(results.contentScriptGzipBytes / 1024).toFixed(1)} KB)`,
      target: `≤ ${TARGETS.contentScriptGzipBytes} B (25 KB)`,
      pass: results.contentScriptGzipBytes <= TARGETS.contentScriptGzipBytes,
    },
    {
      key: 'injectLatencyP95Ms',
      metric: 'inject latency p95',
      measured: `${results.injectLatencyP95Ms.toFixed(1)} ms`,
      target: `≤ ${TARGETS.injectLatencyP95Ms} ms`,
      pass: results.injectLatencyP95Ms <= TARGETS.injectLatencyP95Ms,
    },
    {
      key: 'scriptingOverheadRatio',
      metric: 'scripting overhead (with ÷ without)',
      measured: results.scriptingOverheadRatio.toFixed(3),
      target: `≤ ${TARGETS.scriptingOverheadRatio.toFixed(2)}`,
      pass: results.scriptingOverheadRatio <= TARGETS.scriptingOverheadRatio,
    },
    {
      key: 'layoutShift',
      metric: 'layout shift caused by us',
      measured: results.layoutShift.toFixed(4),
      target: String(TARGETS.layoutShift),
      pass: results.layoutShift <= TARGETS.layoutShift,
    },
    {
      key: 'buttonsEqualPosts',
      metric: 'one button per post',
      measured: String(results.buttonsEqualPosts),
      target: 'true',
      pass: results.buttonsEqualPosts,
    },
  ];
}

/**
 * A plain-text table, columns padded to their widest cell.
 * @param {readonly Row[]} rows
 */
export function formatTable(rows) {
  const cells = [
    ['metric', 'measured', 'target', 'result'],
    ...rows.map((row) => [row.metric, row.measured, row.target, row.pass ? 'pass' : 'FAIL']),
  ];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...cells.map((line) => (line[column] ?? '').length)));
  const format = (/** @type {string[]} */ line) =>
    line
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const [header, ...body] = cells.map(format);
  return [header, widths.map((width) => '-'.repeat(width)).join('  '), ...body].join('\n');
}
