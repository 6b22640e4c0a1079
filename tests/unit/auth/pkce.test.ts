// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Url, challengeOf, createPkce } from '../../../lib/auth/pkce';

describe('PKCE (RFC 7636)', () => {
  it('derives the S256 challenge of the RFC’s own example', async () => {
    expect(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes 43-character unreserved verifiers, each new, whose challenge a server can check', async () => {
    const pairs = await Promise.all(Array.from({ length: 50 }, () => createPkce()));
    for (const { verifier, challenge } of pairs) {
      expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(challenge).toBe(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
    }
    expect(new Set(pairs.map((pair) => pair.verifier)).size).toBe(50);
  });

  it('writes base64url without padding', () => {
    expect(base64Url(new Uint8Array([251, 255, 191]))).toBe('-_-_');
    expect(base64Url(new Uint8Array([1]))).toBe('AQ');
  });
});
