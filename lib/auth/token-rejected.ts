/**
 * Thrown by a host API when the host refused the bearer token itself (HTTP 401, Slack's
 * `invalid_auth`…): nothing was written, so the transport may refresh the token and try once more.
 */
export class TokenRejectedError extends Error {
  override readonly name = 'TokenRejectedError';
}

/** What a token-host API is called with: the token, whose it is, and the fetch to use. */
export type TokenSession = {
  token: string;
  /** The signed-in user's id on the host, to recognise our own earlier writes. */
  userId: string;
  fetch: typeof fetch;
};
