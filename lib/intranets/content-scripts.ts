import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { HostId, Intranet } from '../db/schemas';

/** Each adapter runs in its own content script (`entrypoints/<host>.content.ts`), so a page loads one adapter. */
export function contentScriptFile(host: HostId): ScriptPublicPath {
  // WXT types the paths of the entrypoints it built; every host id has one (checked by a test).
  return `content-scripts/${host}.js` as ScriptPublicPath;
}

export const REGISTRATION_PREFIX = 'rueckenwind-';

/** Adapters whose content script the manifest already runs wherever they apply (built-in and SaaS hosts). */
const STATIC_HOSTS: ReadonlySet<HostId> = new Set(['demo', 'slack', 'viva-engage']);

export type Registration = { id: string; js: string[]; matches: string[]; runAt: 'document_idle' };

/**
 * The run-time registrations the enabled, user- or policy-added intranets need: one per adapter,
 * matching all of that adapter's origins. Built-in entries are covered by the manifest's static matches.
 */
export function registrationsFor(intranets: readonly Intranet[]): Registration[] {
  const originsByHost = new Map<HostId, string[]>();
  for (const intranet of intranets) {
    if (!intranet.enabled || intranet.source === 'builtin' || STATIC_HOSTS.has(intranet.host)) continue;
    originsByHost.set(intranet.host, [...(originsByHost.get(intranet.host) ?? []), `${intranet.origin}/*`]);
  }
  return [...originsByHost].map(([host, matches]) => ({
    id: `${REGISTRATION_PREFIX}${host}`,
    js: [contentScriptFile(host)],
    matches: matches.sort(),
    runAt: 'document_idle',
  }));
}
