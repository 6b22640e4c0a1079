import { defineConfig } from '@playwright/test';

// Each test launches its own Chromium with the extension (tests/e2e/support/fixtures.ts), so there is no
// `use.browserName`/projects setup and no webServer: tests start the demo intranet themselves.
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // CI machines have 2 cores and every test runs a whole browser.
  workers: ci ? 1 : 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  // One stdout reporter only: list and line together would interleave their output.
  reporter: 'list',
  outputDir: 'test-results',
  forbidOnly: ci,
});
