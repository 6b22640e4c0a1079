// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..', '..');
let dir = '';

// Biome only applies the project's config (and its plugins) to files under the project root.
beforeAll(async () => {
  dir = await mkdtemp(join(ROOT, 'lint-probe-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function lint(name: string, source: string): Promise<{ failed: boolean; output: string }> {
  const file = join(dir, name);
  await writeFile(file, source);
  try {
    const { stdout, stderr } = await run('npx', ['biome', 'lint', '--max-diagnostics=50', file], {
      cwd: ROOT,
    });
    return { failed: false, output: stdout + stderr };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { failed: true, output: stdout + stderr };
  }
}

describe('the linter forbids building markup or code from strings', () => {
  it.each([
    [
      'innerHTML assignment',
      'const el = document.createElement("div");\nel.innerHTML = location.hash;\nexport { el };\n',
    ],
    [
      'innerHTML append',
      'const el = document.createElement("div");\nel.innerHTML += location.hash;\nexport { el };\n',
    ],
    [
      'outerHTML assignment',
      'const el = document.createElement("div");\nel.outerHTML = "<b>x</b>";\nexport { el };\n',
    ],
    ['insertAdjacentHTML', 'document.body.insertAdjacentHTML("beforeend", location.hash);\n'],
    ['eval', 'export const v = eval(location.hash);\n'],
    ['new Function', 'export const f = new Function("return 1");\n'],
  ])('rejects %s', async (label, source) => {
    const result = await lint(`${label.replaceAll(' ', '-')}.ts`, source);
    expect(result.failed).toBe(true);
    expect(result.output).toMatch(/Host text is text|No eval|noGlobalEval|Function/);
  });

  it('rejects dangerouslySetInnerHTML in a component', async () => {
    const result = await lint(
      'component.tsx',
      'export const C = (p: { html: string }) => <div dangerouslySetInnerHTML={{ __html: p.html }} />;\n',
    );
    expect(result.failed).toBe(true);
  });

  it('accepts text written with textContent', async () => {
    const result = await lint(
      'text.ts',
      'const el = document.createElement("div");\nel.textContent = location.hash;\nexport { el };\n',
    );
    expect(result.output).not.toMatch(/Host text is text/);
    expect(result.failed).toBe(false);
  });
});
