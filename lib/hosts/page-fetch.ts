import type { z } from 'zod/mini';
import type { DeliveryResult } from '../messages/background-to-content';
import { retryAfterMs } from '../sync/backoff';
import { classifyStatus } from '../sync/classify';

/**
 * Same-origin JSON requests for the page transport's host APIs: the page's session cookie goes along,
 * every request has a timeout, and a refusal becomes a DeliveryResult with the host's own reason.
 * A network error or timeout throws: the write may have landed (lib/inject/deliver.ts → uncertain).
 */
export type HostResponse = { status: number; json: unknown; retryAfterMs?: number };

/** Shorter than the page transport's 25 s wait for the content script's answer. */
const TIMEOUT_MS = 20_000;

export async function pageFetch(
  path: string,
  init: { method?: string; headers?: Record<string, string>; json?: unknown } = {},
): Promise<HostResponse> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      ...(init.json === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...init.headers,
    },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const json: unknown = await response.json().catch(() => undefined);
  return {
    status: response.status,
    json,
    retryAfterMs: retryAfterMs(response.headers.get('Retry-After'), Date.now()),
  };
}

/**
 * A response that did not give us what we asked for. `reason` is the host's own words where it gave
 * any. A 2xx we cannot read may still have written: uncertain, so the write is looked for first.
 */
export function failureOf(
  response: HostResponse,
  hostName: string,
  reason: string | undefined,
): DeliveryResult {
  const kind = classifyStatus(response.status);
  return {
    ok: false,
    kind: kind === 'ok' ? 'uncertain' : kind,
    reason: `${hostName} (HTTP ${response.status}): ${reason ?? 'unreadable answer'}`.slice(0, 500),
    ...(response.retryAfterMs === undefined ? {} : { retryAfterMs: response.retryAfterMs }),
  };
}

export function isOk(response: HostResponse): boolean {
  return classifyStatus(response.status) === 'ok';
}

/**
 * A read the write depends on (who am I, what is there already): its answer parsed, or a throw with the
 * host's reason, since without it we cannot tell whether an earlier write landed.
 */
export async function readParsed<T>(
  path: string,
  schema: z.ZodMiniType<T>,
  hostName: string,
  reasonOf: (json: unknown) => string | undefined,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await pageFetch(path, { headers });
  const parsed = schema.safeParse(response.json);
  if (isOk(response) && parsed.success) return parsed.data;
  throw new Error(`${hostName} (HTTP ${response.status}): ${reasonOf(response.json) ?? 'unreadable answer'}`);
}
