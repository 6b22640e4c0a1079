// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contentScriptsFor, matchesPattern } from '../../../bench/manifest.mjs';

const url = new URL('http://127.0.0.1:41127/');

describe("reading a manifest's content scripts as Chromium does", () => {
  it('matches any port when the pattern names none', () => {
    expect(matchesPattern('http://127.0.0.1/*', url)).toBe(true);
    expect(matchesPattern('http://127.0.0.1:8080/*', url)).toBe(false);
    expect(matchesPattern('http://127.0.0.1:41127/*', url)).toBe(true);
  });

  it('follows the scheme, host wildcard and path rules', () => {
    expect(matchesPattern('*://127.0.0.1/*', url)).toBe(true);
    expect(matchesPattern('https://127.0.0.1/*', url)).toBe(false);
    expect(
      matchesPattern('https://*.atlassian.net/wiki/*', new URL('https://acme.atlassian.net/wiki/x')),
    ).toBe(true);
    expect(matchesPattern('https://*.atlassian.net/wiki/*', new URL('https://atlassian.net/wiki/'))).toBe(
      true,
    );
    expect(matchesPattern('https://*.atlassian.net/wiki/*', new URL('https://evilatlassian.net/wiki/'))).toBe(
      false,
    );
    expect(
      matchesPattern('https://*.atlassian.net/wiki/*', new URL('https://acme.atlassian.net/jira/')),
    ).toBe(false);
    expect(matchesPattern('<all_urls>', url)).toBe(true);
    expect(matchesPattern('not a pattern', url)).toBe(false);
  });

  it('lists the scripts of every matching entry, minus excluded ones', () => {
    const manifest = {
      content_scripts: [
        { matches: ['https://*.atlassian.net/wiki/*'], js: ['content-scripts/confluence.js'] },
        { matches: ['http://127.0.0.1/*', 'http://localhost/*'], js: ['content-scripts/demo.js'] },
        {
          matches: ['<all_urls>'],
          exclude_matches: ['http://127.0.0.1/*'],
          js: ['content-scripts/other.js'],
        },
      ],
    };
    expect(contentScriptsFor(manifest, url)).toEqual(['content-scripts/demo.js']);
    expect(contentScriptsFor({}, url)).toEqual([]);
  });
});
