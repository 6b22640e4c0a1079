/**
 * What each script Rückenwind puts into intranet pages weighs, gzipped. The target is per script and the
 * largest one counts: every page loads one adapter's content script, and any of them can be the one.
 */

import { gzipSync } from 'node:zlib';

/** @typedef {import('./manifest.mjs').Manifest} Manifest */
/** @typedef {{ file: string, bytes: number, gzipBytes: number }} ScriptSize */

/** Where wxt puts content scripts, those the manifest declares and those registered at run time alike. */
export const CONTENT_SCRIPT_DIR = 'content-scripts';

/**
 * Loaded into a page only on first use (lib/inject/composers-contract.ts): measured and reported, but not
 * part of what every intranet page pays.
 */
export const ON_DEMAND_SCRIPTS = ['composers.js'];

/** @param {Uint8Array} code */
export function sizeOf(code) {
  return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

/**
 * Every content script: the manifest's and the built files beside them (the adapters registered at run
 * time for the sites a user enables appear in no manifest), each once, sorted.
 * @param {Manifest} manifest
 * @param {readonly string[]} builtFiles names in CONTENT_SCRIPT_DIR
 * @returns {string[]} paths relative to the extension's root
 */
export function everyContentScript(manifest, builtFiles) {
  const declared = (manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []);
  const built = builtFiles
    .filter((name) => name.endsWith('.js'))
    .map((name) => `${CONTENT_SCRIPT_DIR}/${name}`);
  return [...new Set([...declared, ...built])].sort();
}

/**
 * @param {readonly ScriptSize[]} sizes
 * @returns {ScriptSize}
 */
export function largest(sizes) {
  const [first, ...rest] = sizes;
  if (!first) throw new Error('no content scripts to measure');
  return rest.reduce((max, size) => (size.gzipBytes > max.gzipBytes ? size : max), first);
}

/**
 * A plain-text table of the sizes, largest first, against the target.
 * @param {readonly (ScriptSize & { note?: string })[]} sizes
 * @param {number} target gzip bytes
 */
export function formatSizes(sizes, target) {
  const rows = [...sizes]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .map((size) => [
      size.file,
      `${size.bytes} B`,
      `${size.gzipBytes} B`,
      size.note ?? (size.gzipBytes <= target ? 'pass' : 'FAIL'),
    ]);
  const cells = [['script', 'raw', 'gzip -9', `≤ ${target} B`], ...rows];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...cells.map((line) => (line[column] ?? '').length)));
  return cells
    .map((line) =>
      line
        .map((cell, column) =>
          column === 1 || column === 2
            ? cell.padStart(widths[column] ?? 0)
            : cell.padEnd(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
