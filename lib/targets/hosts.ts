import { TOKEN_HOST_NAMES } from '../auth/names';

/**
 * The hosts whose targets Rückenwind can list (lib/targets/lookup.ts), with their names as users know
 * them; elsewhere the user types an id. Free of zod: the composers script imports it.
 */
export const TARGET_LOOKUP_HOSTS: Readonly<Record<string, string>> = TOKEN_HOST_NAMES;
export const listsTargets = (host: string) => Object.hasOwn(TARGET_LOOKUP_HOSTS, host);
