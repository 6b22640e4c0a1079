// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string): Messages =>
  JSON.parse(readFileSync(join(ROOT, 'public', '_locales', lang, 'messages.json'), 'utf8'));
const en = load('en');
const de = load('de');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the German and English texts', () => {
  it('have the same keys (German adds only informal "du" variants)', () => {
    const german = Object.keys(de).filter((key) => !key.endsWith('_du'));
    expect(german.sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(de).filter((k) => k.endsWith('_du'))) {
      expect(en, `${key} varies a text that does not exist`).toHaveProperty(key.replace(/_du$/, ''));
    }
  });

  it('use the same placeholders in every language', () => {
    for (const [key, entry] of Object.entries(de)) {
      const base = en[key.replace(/_du$/, '')];
      expect(Object.keys(entry.placeholders ?? {}), key).toEqual(Object.keys(base?.placeholders ?? {}));
      expect(entry.message.includes('$NAME$'), key).toBe(base?.message.includes('$NAME$'));
    }
  });

  it('cover every key the code asks for', () => {
    const used = new Set<string>();
    for (const file of ['components', 'entrypoints', 'lib'].flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z]+)'/g))
        used.add(String(match[1]));
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(en, key).toHaveProperty(key);
  });

  it('address the user formally by default and informally only in the du variants', () => {
    // Naming the options themselves, "(Sie)" or "Vertraut: du", is not addressing the user.
    const withoutOptionNames = (text: string) => text.replace(/\((Sie|du)\)|: (Sie|du)$/g, '');
    for (const [key, entry] of Object.entries(de)) {
      const text = withoutOptionNames(entry.message);
      if (key.endsWith('_du')) expect(text, key).not.toMatch(/\b(Sie|Ihr|Ihre|Ihren)\b/);
      else expect(text, key).not.toMatch(/\b(du|dein|deine|deinen)\b/i);
    }
  });
});
