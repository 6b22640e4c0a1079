import type { AccessGrant, Auth } from '../auth/accounts';
import { TokenRejectedError, type TokenSession } from '../auth/token-rejected';
import type { HostId, TokenHost } from '../db/schemas';
import { slackChannels } from '../hosts/slack/api';
import { engageGroups } from '../hosts/viva-engage/api';
import type { TargetCache } from './cache';
import { type Target, type TargetList, TargetLookupError } from './target';

/** The hosts whose targets the background can list with the user's token, and how. */
const TOKEN_LISTS: Record<TokenHost, (session: TokenSession) => Promise<Target[]>> = {
  slack: slackChannels,
  'viva-engage': engageGroups,
};

export type TargetLookupDeps = {
  auth: () => Pick<Auth, 'accessToken' | 'renew'>;
  /** `fetch` counted against the host's rate limit, shared with the outbox (SyncEngine.metered). */
  meteredFetch: (host: TokenHost) => typeof fetch;
  cache: TargetCache;
};

const isListed = (host: HostId): host is TokenHost => Object.hasOwn(TOKEN_LISTS, host);

/** No token to list with: no account, one the host refused, or the sign-in service out of reach. */
function notGranted(grant: Exclude<AccessGrant, { ok: true }>): TargetList {
  if (grant.kind === 'not-connected') return { unavailable: 'not-connected' };
  return { unavailable: grant.kind === 'rejected' ? 'refused' : 'unreachable', detail: grant.reason };
}
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Lists the groups or channels the user can post into on `host`, for the composers' and the circle
 * form's target field: from the cache when it is fresh, else from the host with the user's token
 * (renewed once if refused, as the outbox does). Never throws: a failure is a reason the field shows,
 * and the user can still type an id. Requests for the same host share one round trip.
 */
export function createTargetLookup(deps: TargetLookupDeps) {
  const running = new Map<TokenHost, Promise<TargetList>>();

  async function fetchList(host: TokenHost): Promise<TargetList> {
    const list = (grant: { token: string; userId: string }) =>
      TOKEN_LISTS[host]({ token: grant.token, userId: grant.userId, fetch: deps.meteredFetch(host) });
    const grant = await deps.auth().accessToken(host);
    if (!grant.ok) return notGranted(grant);
    const cached = await deps.cache.get(host, grant.userId);
    if (cached) return { targets: cached };
    let targets: Target[];
    try {
      targets = await list(grant);
    } catch (error) {
      if (!(error instanceof TokenRejectedError)) throw error;
      const renewed = await deps.auth().renew(host, grant.token, error.message);
      if (!renewed.ok) return notGranted(renewed);
      targets = await list(renewed);
    }
    await deps.cache.set(host, grant.userId, targets);
    return { targets };
  }

  return function listTargets(host: HostId): Promise<TargetList> {
    if (!isListed(host)) return Promise.resolve({ unavailable: 'unsupported' });
    let pending = running.get(host);
    if (!pending) {
      pending = fetchList(host)
        .catch((error): TargetList => {
          if (error instanceof TargetLookupError) return { unavailable: error.why, detail: error.message };
          if (error instanceof TokenRejectedError) return { unavailable: 'refused', detail: error.message };
          // Offline, a timeout, or the outbox holding the host back after its Retry-After.
          return { unavailable: 'unreachable', detail: messageOf(error) };
        })
        .finally(() => running.delete(host));
      running.set(host, pending);
    }
    return pending;
  };
}
export type TargetLookup = ReturnType<typeof createTargetLookup>;
