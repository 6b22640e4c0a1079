// How the contract-server tests talk to a server: JSON requests with the session's headers.

export type JsonInit = { method?: string; body?: unknown; headers?: Record<string, string> };

/**
 * A JSON request to `url` with the session headers. A string body goes as it is, so that a test can
 * send malformed JSON; `init.headers` override the session's.
 */
export const jsonRequest = (url: string, session: Record<string, string>, init: JsonInit = {}) =>
  fetch(url, {
    method: init.method ?? 'GET',
    headers: { 'Content-Type': 'application/json', ...session, ...init.headers },
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });

/** The Cookie header a browser sends for these cookies. */
export const cookieHeader = (cookies: ReadonlyArray<{ name: string; value: string }>) =>
  cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
