import type { Auth } from '../auth/accounts';
import type { TokenSession } from '../auth/token-rejected';
import type { RueckenwindDb } from '../db/database';
import { TOKEN_HOSTS, type TokenHost } from '../db/schemas';
import { SLACK_ORIGIN, slackRepliesToMe } from '../hosts/slack/replies-to-me';
import { ENGAGE_ORIGIN, engageRepliesToMe } from '../hosts/viva-engage/replies-to-me';
import { importReplies } from './import-replies';
import type { ReplyToMe } from './reply-to-me';
import { createScanSchedule } from './scan-schedule';

/** The token hosts whose API can find messages to the user, and the origin their records carry. */
const SCANS: Partial<
  Record<TokenHost, { origin: string; find: (session: TokenSession) => Promise<ReplyToMe[]> }>
> = {
  'viva-engage': { origin: ENGAGE_ORIGIN, find: engageRepliesToMe },
  slack: { origin: SLACK_ORIGIN, find: slackRepliesToMe },
};

export type TokenScanDeps = {
  auth: () => Pick<Auth, 'accessToken'>;
  /** `fetch` counted against the host's rate limit, shared with the outbox (SyncEngine.metered). */
  meteredFetch: (host: TokenHost) => typeof fetch;
  now: () => number;
  schedule?: ReturnType<typeof createScanSchedule>;
};

/**
 * Background side of the inbound scan for hosts reached with the user's token (no page of theirs runs
 * our content script): each connected account is asked at most once per scan interval for messages to
 * the user, and the thank-yous among them are kept. A failed scan is silent and tried again next time;
 * a refused token is left to the outbox, which renews it or asks the user to connect again.
 * Resolves with the number of new thanks.
 */
export function createTokenScan(db: RueckenwindDb, deps: TokenScanDeps) {
  const schedule = deps.schedule ?? createScanSchedule();
  return async function scanTokenHosts(): Promise<number> {
    let added = 0;
    for (const host of TOKEN_HOSTS) {
      const scan = SCANS[host];
      if (!scan) continue;
      try {
        // Asked first: an account connected a minute ago is scanned at once, not an interval later.
        const grant = await deps.auth().accessToken(host);
        if (!grant.ok || !schedule.due(host, `${scan.origin} ${grant.userId}`, deps.now())) continue;
        const session = { token: grant.token, userId: grant.userId, fetch: deps.meteredFetch(host) };
        added += await importReplies(db, host, scan.origin, await scan.find(session), deps.now());
      } catch (error) {
        console.debug('Rückenwind: could not look for thanks received', host, error);
      }
    }
    return added;
  };
}
