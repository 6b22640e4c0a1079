// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readPolicy } from '../../../lib/auth/policy';
import { readRedirect, slackProvider, vivaEngageProvider } from '../../../lib/auth/providers';
import { engageTime, quoteLongIds } from '../../../lib/hosts/viva-engage/api';

describe('token endpoint answers, validated', () => {
  it('takes an Entra grant and refuses what is not one', () => {
    const grant = { token_type: 'Bearer', expires_in: 3599, access_token: 'eyJ0', refresh_token: '1.AQ' };
    expect(vivaEngageProvider.readToken(200, grant)).toEqual({
      ok: true,
      grant: { accessToken: 'eyJ0', refreshToken: '1.AQ', expiresInS: 3599 },
    });
    // Not a bearer token, no token at all, or HTML from a captive portal: never stored.
    expect(vivaEngageProvider.readToken(200, { ...grant, token_type: 'mac' })).toMatchObject({
      ok: false,
      refused: false,
    });
    expect(vivaEngageProvider.readToken(200, { ...grant, access_token: '' })).toMatchObject({ ok: false });
    expect(vivaEngageProvider.readToken(200, undefined)).toEqual({
      ok: false,
      refused: false,
      error: 'HTTP 200',
    });
    // A refused refresh token means "connect again"; a server error means "later".
    expect(
      vivaEngageProvider.readToken(400, {
        error: 'invalid_grant',
        error_description: 'AADSTS70008: The refresh token has expired.\r\nTrace ID: 1',
      }),
    ).toEqual({
      ok: false,
      refused: true,
      error: 'invalid_grant: AADSTS70008: The refresh token has expired.',
    });
    expect(vivaEngageProvider.readToken(503, { error: 'temporarily_unavailable' })).toMatchObject({
      ok: false,
      refused: false,
    });
  });

  it('reads Slack’s user token from a code exchange and from a refresh', () => {
    expect(
      slackProvider.readToken(200, {
        ok: true,
        authed_user: { id: 'U1', access_token: 'xoxe.xoxp-1', refresh_token: 'xoxe-1', expires_in: 43200 },
      }),
    ).toEqual({ ok: true, grant: { accessToken: 'xoxe.xoxp-1', refreshToken: 'xoxe-1', expiresInS: 43200 } });
    expect(
      slackProvider.readToken(200, {
        ok: true,
        access_token: 'xoxe.xoxp-2',
        refresh_token: 'xoxe-2',
        expires_in: 43200,
      }),
    ).toMatchObject({ ok: true, grant: { accessToken: 'xoxe.xoxp-2' } });
    // Without token rotation Slack grants a token that never expires: no refresh token, no lifetime.
    expect(slackProvider.readToken(200, { ok: true, authed_user: { access_token: 'xoxp-3' } })).toEqual({
      ok: true,
      grant: { accessToken: 'xoxp-3', refreshToken: undefined, expiresInS: undefined },
    });
    expect(slackProvider.readToken(200, { ok: false, error: 'invalid_refresh_token' })).toEqual({
      ok: false,
      refused: true,
      error: 'invalid_refresh_token',
    });
    expect(slackProvider.readToken(200, { ok: false, error: 'ratelimited' })).toMatchObject({
      refused: false,
    });
    expect(slackProvider.readToken(200, { ok: true })).toMatchObject({ ok: false, refused: false });
  });
});

describe('the redirect back from the sign-in', () => {
  const base = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
  it('gives the code only with our state', () => {
    expect(readRedirect(`${base}?code=c1&state=s1`, 's1')).toEqual({ ok: true, code: 'c1' });
    expect(readRedirect(`${base}?code=c1&state=s2`, 's1')).toEqual({ ok: false, error: 'state mismatch' });
    expect(readRedirect(`${base}?code=c1`, 's1')).toEqual({ ok: false, error: 'state mismatch' });
    expect(readRedirect(`${base}?error=access_denied&error_description=No&state=s1`, 's1')).toEqual({
      ok: false,
      error: 'access_denied: No',
    });
    expect(readRedirect(`${base}?state=s1`, 's1')).toEqual({ ok: false, error: 'no code' });
    expect(readRedirect('not a url', 's1')).toEqual({ ok: false, error: 'unreadable redirect' });
  });
});

describe('administrator policy', () => {
  it('keeps well-formed entries and ignores the rest', () => {
    expect(
      readPolicy({
        'viva-engage': { clientId: 'abc-123', tenant: 'contoso.onmicrosoft.com' },
        slack: { clientId: 'https://evil.example/' },
        teams: { clientId: 'x' },
      }),
    ).toEqual({ 'viva-engage': { clientId: 'abc-123', tenant: 'contoso.onmicrosoft.com' } });
    expect(readPolicy(undefined)).toEqual({});
  });
});

describe('Viva Engage responses', () => {
  it('keeps 64-bit ids exact', () => {
    const raw = '{"messages":[{"id":1234567890123456789,"thread_id": 12,"replied_to_id":9007199254740993}]}';
    expect(JSON.parse(quoteLongIds(raw))).toEqual({
      messages: [{ id: '1234567890123456789', thread_id: 12, replied_to_id: '9007199254740993' }],
    });
  });

  it('reads Yammer’s times', () => {
    expect(engageTime('2026/11/22 20:15:00 +0000')).toBe(Date.UTC(2026, 10, 22, 20, 15));
    expect(engageTime('2026/11/22 21:15:00 +0100')).toBe(Date.UTC(2026, 10, 22, 20, 15));
    expect(engageTime('yesterday')).toBeNaN();
  });
});
