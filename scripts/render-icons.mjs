// Renders assets/icon.svg into the PNG sizes the manifest needs (public/icons/). Run after changing the SVG.
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { findChromium } from './lib/find-chromium.mjs';

const SIZES = [16, 32, 48, 128];
const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>*{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    const path = new URL(`../public/icons/${size}.png`, import.meta.url).pathname;
    await page.screenshot({ path, omitBackground: true });
    console.log(path);
    await page.close();
  }
} finally {
  await browser.close();
}
