/**
 * Which built content scripts a page gets, read from the extension's manifest the way Chromium reads it,
 * so the size measured is the size of what the benchmark page really loads, whatever the entrypoints are
 * called.
 */

/**
 * @typedef {{ matches?: string[], exclude_matches?: string[], js?: string[] }} ContentScriptEntry
 * @typedef {{ content_scripts?: ContentScriptEntry[] }} Manifest
 */

/** @param {string} text */
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Chrome's match patterns (`<scheme>://<host><path>`, developer.chrome.com/docs/extensions/develop/concepts/match-patterns):
 * `*` as scheme means http or https; `*.example.com` matches example.com and its subdomains; a pattern
 * without a port matches every port; `*` in the path matches anything.
 * @param {string} pattern
 * @param {URL} url
 */
export function matchesPattern(pattern, url) {
  if (pattern === '<all_urls>')
    return ['http:', 'https:', 'file:', 'ftp:', 'ws:', 'wss:'].includes(url.protocol);
  const parts = /^(\*|[a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!parts) return false;
  const [, scheme = '', hostPattern = '', pathPattern = ''] = parts;
  const schemeOk =
    scheme === '*' ? url.protocol === 'http:' || url.protocol === 'https:' : url.protocol === `${scheme}:`;
  const [hostOnly = '', port] = hostPattern.split(/:(?=\d+$|\*$)/);
  const portOk = port === undefined || port === '*' || port === url.port;
  const hostOk =
    hostOnly === '*' ||
    (hostOnly.startsWith('*.')
      ? url.hostname === hostOnly.slice(2) || url.hostname.endsWith(hostOnly.slice(1))
      : url.hostname === hostOnly);
  const pathOk = new RegExp(`^${pathPattern.split('*').map(escapeRegExp).join('.*')}$`).test(
    `${url.pathname}${url.search}`,
  );
  return schemeOk && portOk && hostOk && pathOk;
}

/**
 * The script files (relative to the extension's root) injected into `url`, in manifest order.
 * @param {Manifest} manifest
 * @param {URL} url
 * @returns {string[]}
 */
export function contentScriptsFor(manifest, url) {
  return (manifest.content_scripts ?? [])
    .filter(
      (entry) =>
        (entry.matches ?? []).some((pattern) => matchesPattern(pattern, url)) &&
        !(entry.exclude_matches ?? []).some((pattern) => matchesPattern(pattern, url)),
    )
    .flatMap((entry) => entry.js ?? []);
}
