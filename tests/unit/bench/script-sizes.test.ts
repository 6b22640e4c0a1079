// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { everyContentScript, formatSizes, largest, sizeOf } from '../../../bench/script-sizes.mjs';

describe('content script sizes', () => {
  it('measures the manifest’s scripts and those only registered at run time, each once', () => {
    const manifest = {
      content_scripts: [
        { matches: ['https://app.slack.com/*'], js: ['content-scripts/slack.js'] },
        { matches: ['http://127.0.0.1/*'], js: ['content-scripts/demo.js'] },
      ],
    };
    expect(everyContentScript(manifest, ['wordpress.js', 'demo.js', 'slack.js', 'styles.css'])).toEqual([
      'content-scripts/demo.js',
      'content-scripts/slack.js',
      'content-scripts/wordpress.js',
    ]);
    expect(everyContentScript({}, [])).toEqual([]);
  });

  it('takes the largest gzip size as the figure, whichever script it is', () => {
    const sizes = [
      { file: 'a.js', bytes: 900, gzipBytes: 300 },
      { file: 'b.js', bytes: 800, gzipBytes: 320 },
      { file: 'c.js', bytes: 990, gzipBytes: 310 },
    ];
    expect(largest(sizes).file).toBe('b.js');
    expect(() => largest([])).toThrow('no content scripts to measure');
  });

  it('gzips: repetitive code weighs far less than its raw bytes', () => {
    const size = sizeOf(new TextEncoder().encode('const x = 1;\n'.repeat(1000)));
    expect(size.bytes).toBe(13_000);
    expect(size.gzipBytes).toBeLessThan(200);
  });

  it('lists every script largest first, with a failure marked and on-demand ones noted', () => {
    const lines = formatSizes(
      [
        { file: 'content-scripts/demo.js', bytes: 50_000, gzipBytes: 17_000 },
        { file: 'content-scripts/big.js', bytes: 90_000, gzipBytes: 26_000 },
        { file: 'composers.js', bytes: 46_000, gzipBytes: 16_000, note: 'on first use' },
      ],
      25_600,
    ).split('\n');
    expect(lines[0]).toMatch(/^script\s+raw\s+gzip -9\s+≤ 25600 B$/);
    expect(lines[1]).toMatch(/^content-scripts\/big\.js\s+90000 B\s+26000 B\s+FAIL$/);
    expect(lines[2]).toMatch(/^content-scripts\/demo\.js\s+50000 B\s+17000 B\s+pass$/);
    expect(lines[3]).toMatch(/^composers\.js\s+46000 B\s+16000 B\s+on first use$/);
  });
});
