// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../scripts/lib/find-chromium.mjs';

const nowhere = { systemPaths: ['/nonexistent/chromium'], bundled: () => undefined };

describe('finding a Chromium for npm start and the tests', () => {
  it('prefers CHROMIUM_PATH', () => {
    expect(findChromium({ ...nowhere, env: { CHROMIUM_PATH: process.execPath } })).toBe(process.execPath);
  });

  it('reports a CHROMIUM_PATH that points nowhere instead of silently using another browser', () => {
    expect(() => findChromium({ env: { CHROMIUM_PATH: '/nonexistent/chrome' } })).toThrow(
      'CHROMIUM_PATH is set to /nonexistent/chrome, but no file exists there.',
    );
  });

  it("falls back to the system's Chromium, then to Playwright's", () => {
    expect(
      findChromium({ env: {}, systemPaths: ['/nonexistent/a', process.execPath], bundled: () => 'x' }),
    ).toBe(process.execPath);
    expect(findChromium({ ...nowhere, env: {}, bundled: () => '/opt/pw/chrome' })).toBe('/opt/pw/chrome');
  });

  it('says plainly how to get one when there is none', () => {
    expect(() => findChromium({ ...nowhere, env: {} })).toThrow(
      /No Chromium found[\s\S]*apt-get install chromium[\s\S]*npx playwright install chromium[\s\S]*CHROMIUM_PATH/,
    );
  });
});
