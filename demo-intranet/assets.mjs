/** Serves the files in demo-intranet/public under /assets/, and nothing else. */

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { send, sendError } from './respond.mjs';

/** @typedef {import('node:http').ServerResponse} ServerResponse */

const PUBLIC_DIR = new URL('./public/', import.meta.url);

/** @type {Record<string, string>} */
const CONTENT_TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

// A flat allow-list of names: no slash, backslash, dot segment or NUL can survive it, so no traversal.
const ASSET_NAME = /^[a-z0-9][a-z0-9-]*\.(js|css)$/;

/**
 * @param {ServerResponse} res
 * @param {string} encodedName the path after /assets/, still percent-encoded
 */
export async function sendAsset(res, encodedName) {
  let name = '';
  try {
    name = decodeURIComponent(encodedName);
  } catch {
    // Malformed percent-encoding names no file.
  }
  const extension = ASSET_NAME.exec(name)?.[1];
  const contentType = extension ? CONTENT_TYPES[extension] : undefined;
  if (!contentType) return sendError(res, 404, 'No such asset');
  try {
    send(res, 200, contentType, await readFile(fileURLToPath(new URL(name, PUBLIC_DIR))));
  } catch {
    sendError(res, 404, 'No such asset');
  }
}
