// The OAuth client the token contract servers' tests play: an extension's redirect URI and a fixed PKCE pair.
import { createHash } from 'node:crypto';

export const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
export const VERIFIER = 'v'.repeat(43);
export const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');
