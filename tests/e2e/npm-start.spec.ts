import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const run = promisify(execFile);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

test('npm start without a display clicks through the main flow and leaves screenshots', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'rueckenwind-start-'));
  try {
    // The README's command builds first; the test run has built already, so start the launcher itself.
    const env: NodeJS.ProcessEnv = { ...process.env, SCREENSHOT_DIR: dir };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const { stdout } = await run('node', ['scripts/start.mjs'], { env, timeout: 60_000 });
    expect(stdout).toMatch(/Demo intranet: http:\/\/127\.0\.0\.1:\d+\//);
    const shots = stdout.split('\n').filter((line) => line.trim().endsWith('.png'));
    expect(shots.map((line) => line.trim().split('/').pop())).toEqual([
      '01-feed-with-thank-buttons.png',
      '02-composer.png',
      '03-post-thanked.png',
      '04-popup.png',
    ]);
    for (const shot of shots) {
      const bytes = await readFile(shot.trim());
      expect(bytes.subarray(0, 4).equals(PNG_SIGNATURE)).toBe(true);
      expect(bytes.length).toBeGreaterThan(2_000);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
