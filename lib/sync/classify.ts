/**
 * What a failed request means for the item that made it:
 * - `retry`: the host did not take the write (5xx, 408, 429): try again later;
 * - `uncertain`: we do not know whether the write landed (timeout, network error, unreadable 2xx
 *   response): look for it on the host before sending again;
 * - `permanent`: the host refused for good (any other 4xx): stop, and show the host's reason.
 */
export type FailureKind = 'retry' | 'uncertain' | 'permanent';

export function classifyStatus(status: number): FailureKind | 'ok' {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  if (status >= 400) return 'permanent';
  // 1xx/3xx from an API call: something in between rewrote the request; treat like a server error.
  return 'retry';
}
