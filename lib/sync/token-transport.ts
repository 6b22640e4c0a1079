import type { AccessGrant, Auth } from '../auth/accounts';
import { PROVIDERS } from '../auth/providers';
import { TokenRejectedError, type TokenSession } from '../auth/token-rejected';
import type { RueckenwindDb } from '../db/database';
import { type OutboxItem, TOKEN_HOSTS, type TokenHost } from '../db/schemas';
import { slackApi } from '../hosts/slack/api';
import type { PageApi } from '../hosts/types';
import { vivaEngageApi } from '../hosts/viva-engage/api';
import { t } from '../i18n/t';
import type { Deliver, DeliveryResult } from '../messages/background-to-content';
import type { Outcome } from './outbox';

/** Not connected yet: look again this much later (connecting drains at once). */
const NOT_CONNECTED_WAIT_MS = 5 * 60_000;

export const isTokenHost = (host: string): host is TokenHost =>
  (TOKEN_HOSTS as readonly string[]).includes(host);

export type TokenTransportDeps = {
  auth: () => Pick<Auth, 'accessToken' | 'renew' | 'reject'>;
  apis: Record<TokenHost, (session: TokenSession) => PageApi>;
  fetch: typeof fetch;
  /** The user-facing reasons, in the user's language. */
  texts: { notConnected: (host: TokenHost) => string; reconnect: (host: TokenHost) => string };
};

/** The host refused the token itself, with its reason (e.g. `Slack: token_revoked`). */
type Refused = { refused: string };

/** One write through the host's API; after an uncertain attempt it first looks for that write. */
async function attempt(api: PageApi, message: Deliver): Promise<DeliveryResult | Refused> {
  try {
    if (message.uncertainSince !== undefined) {
      const earlier = await api.findOwnWrite(message.post, message.text, message.uncertainSince);
      if (earlier) return { ok: true, remoteId: earlier };
    }
    return message.post
      ? await api.reply(message.post, message.text)
      : await api.createPost(message.text, message.target);
  } catch (error) {
    if (error instanceof TokenRejectedError) return { refused: error.message };
    // The request may or may not have reached the host (timeout, network error).
    return { ok: false, kind: 'uncertain', reason: error instanceof Error ? error.message : String(error) };
  }
}

function toOutcome(result: DeliveryResult): Outcome {
  return result.ok
    ? { kind: 'done', remoteId: result.remoteId }
    : { kind: result.kind, reason: result.reason, retryAfterMs: result.retryAfterMs };
}

/**
 * The token transport: the background calls the host's API itself with the user's OAuth bearer
 * token. A token the host refuses is refreshed once (nothing was written with it); refused again, the
 * item fails with a reason that tells the user to connect the account again, and they can retry it then.
 */
export function createTokenTransport(deps: TokenTransportDeps) {
  const notGranted = (host: TokenHost, grant: Exclude<AccessGrant, { ok: true }>): Outcome => {
    switch (grant.kind) {
      case 'not-connected':
        return { kind: 'wait', reason: deps.texts.notConnected(host), waitMs: NOT_CONNECTED_WAIT_MS };
      case 'rejected':
        return { kind: 'permanent', reason: deps.texts.reconnect(host) };
      case 'unreachable':
        return { kind: 'retry', reason: grant.reason };
    }
  };

  return async function deliverWithToken(item: OutboxItem, message: Deliver): Promise<Outcome> {
    const host = item.host;
    if (!isTokenHost(host)) return { kind: 'permanent', reason: `${host} is not reached with a token` };
    const send = (grant: { token: string; userId: string }) =>
      attempt(deps.apis[host]({ token: grant.token, userId: grant.userId, fetch: deps.fetch }), message);

    const grant = await deps.auth().accessToken(host);
    if (!grant.ok) return notGranted(host, grant);
    const first = await send(grant);
    if (!('refused' in first)) return toOutcome(first);

    const renewed = await deps.auth().renew(host, grant.token, first.refused);
    if (!renewed.ok) return notGranted(host, renewed);
    const second = await send(renewed);
    if (!('refused' in second)) return toOutcome(second);
    // A fresh token refused too: only the user can fix that.
    await deps.auth().reject(host, second.refused);
    return { kind: 'permanent', reason: deps.texts.reconnect(host) };
  };
}

/** The transport the background uses: the real host APIs, the user's language. */
export function backgroundTokenTransport(auth: () => Auth) {
  return createTokenTransport({
    auth,
    apis: { 'viva-engage': vivaEngageApi, slack: slackApi },
    fetch: (input, init) => fetch(input, init),
    texts: {
      notConnected: (host) => t('syncWaitsForAccount', PROVIDERS[host].name),
      reconnect: (host) => t('syncAccountRefused', PROVIDERS[host].name),
    },
  });
}

/**
 * The user just connected `host`: items that waited for the account are due now (attempts untouched:
 * nothing was sent while they waited).
 */
export async function wakeItemsWaitingFor(db: RueckenwindDb, host: TokenHost, now: number): Promise<number> {
  return db.transaction('rw', db.outbox, () =>
    db.outbox
      .where('[state+nextAttemptAt]')
      .between(['pending', now], ['pending', Number.POSITIVE_INFINITY], false, true)
      .and((item) => item.host === host)
      .modify({ nextAttemptAt: now }),
  );
}
