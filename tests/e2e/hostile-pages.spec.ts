// Issue 3 §4 Safety: hostile intranet pages. Author names, post ids, links and bodies carry script tags,
// event-handler attributes, `javascript:`/`data:` links and bidi overrides; a stylesheet restyles every
// button and our host tag. Nothing may run (no dialog), nothing may be fetched beyond the pages' own files,
// everything shows as text, and our UI keeps its look. The pages (tests/fixtures/hostile/) use the demo
// intranet's markup, so the built-in demo adapter and its static loopback content script apply.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import type { CDPSession, Page } from '@playwright/test';
import type { Recognition } from '../../lib/db/schemas';
import {
  clickByRole,
  countInClosedShadowRoots,
  findByRole,
  textOf,
  waitForRole,
} from '../../scripts/lib/closed-shadow.mjs';
import { CASES, ME } from '../fixtures/hostile/names-as-text';
import { test as base, type ExtensionFixture, expect, readExtensionDb } from './support/fixtures';
import { thankedButton } from './support/labels';
import { enableThroughPopup } from './support/popup';

const FIXTURES = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));
const HTML = 'text/html; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
/** The pages' own <img onerror>: each page fetches it once (and gets a 404) before we arrive. */
const BROKEN_IMAGE = '/assets/missing.png';

/**
 * Every file the fixture server has, by path. live-markup.html is served with `script-src 'none'`: its
 * handlers are real markup, and a page whose own handlers ran would open dialogs that are none of ours. The
 * restyled page also forbids inline styles, as strict intranets do: our shadow root's styles must survive.
 */
const ROUTES: Record<string, { file: string; type: string; csp?: string }> = {
  '/names-as-text': { file: 'names-as-text.html', type: HTML },
  '/live-markup': { file: 'live-markup.html', type: HTML, csp: "script-src 'none'; object-src 'none'" },
  '/restyle-clean': { file: 'restyle-clean.html', type: HTML },
  '/restyle-hostile': {
    file: 'restyle-hostile.html',
    type: HTML,
    csp: "default-src 'self'; script-src 'none'; style-src 'self'",
  },
  '/connections-avatar': { file: 'connections-avatar.html', type: HTML, csp: "script-src 'none'" },
  // Where Connections serves its styles, which tells its adapter the page is Connections.
  '/connections/resources/web/_style': { file: 'page.css', type: CSS },
  '/assets/page.css': { file: 'page.css', type: CSS },
  '/assets/hostile.css': { file: 'hostile.css', type: CSS },
};

type Hostile = {
  origin: string;
  /** Every path asked of the server, in order, including the ones it does not have. */
  served: string[];
};

/** Everything the browser asked for, and what must not happen: dialogs, requests beyond the pages' files. */
type Watch = { requests: string[]; dialogs: string[]; unexpected: string[] };

/** Where the demo API takes replies: the one write the extension makes, when the user saves a thank-you. */
const REPLY_PATH = /^\/api\/posts\/[^/]+\/replies$/;

const test = base.extend<{ hostile: Hostile; watch: Watch }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructured first argument.
  hostile: async ({}, use) => {
    const served: string[] = [];
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://fixture.invalid').pathname;
      served.push(path);
      // The thank-you the user saves is posted here, as to any intranet: answer as the demo API does.
      if (request.method === 'POST' && REPLY_PATH.test(path)) {
        let body = '';
        request.on('data', (chunk) => {
          body += chunk;
        });
        request.on('end', () => {
          const text = (JSON.parse(body) as { body: string }).body;
          const reply = {
            id: `r${served.length}`,
            parentId: null,
            author: { id: 'me' },
            createdAt: new Date().toISOString(),
            body: text,
            replies: [],
          };
          response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
        });
        return;
      }
      const route = ROUTES[path];
      if (!route) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      readFile(`${FIXTURES}${route.file}`).then(
        (body) => {
          const headers: Record<string, string> = { 'content-type': route.type, 'cache-control': 'no-store' };
          if (route.csp) headers['content-security-policy'] = route.csp;
          response.writeHead(200, headers).end(body);
        },
        () => response.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await use({ origin: `http://127.0.0.1:${port}`, served });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  },

  // Every test: listens from before the first page opens to the test's end, then fails it on what it saw.
  watch: [
    async ({ extension, hostile }, use, testInfo) => {
      const watch: Watch = { requests: [], dialogs: [], unexpected: [] };
      const ours = `chrome-extension://${extension.extensionId}/`;
      extension.context.on('dialog', (dialog) => {
        watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      extension.context.on('request', (request) => {
        const url = request.url();
        watch.requests.push(url);
        const path = url.startsWith(`${hostile.origin}/`) ? new URL(url).pathname : undefined;
        const delivery = request.method() === 'POST' && path !== undefined && REPLY_PATH.test(path);
        const own = path !== undefined && (path in ROUTES || path === BROKEN_IMAGE || delivery);
        if (!own && !url.startsWith(ours)) watch.unexpected.push(url);
      });
      await use(watch);
      await testInfo.attach('requests', { body: watch.requests.join('\n'), contentType: 'text/plain' });
      expect(watch.dialogs, 'dialogs opened').toEqual([]);
      expect(watch.unexpected, 'requests beyond the fixture pages and the extension').toEqual([]);
    },
    { auto: true },
  ],
});

/** Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

const MESSAGE = '<img src=x onerror=alert("typed")> thanks!';
/** Markup that would be there if anything of ours had parsed host text (or the user's) as HTML. */
const PARSED = 'img, script, svg, iframe, b';

/** The preview's text without its heading: exactly what would be posted. */
async function preview(page: Page): Promise<{ text: string; backendNodeId: number }> {
  const [region] = await findByRole(page, 'region', 'Preview: exactly what will be posted');
  if (!region) throw new Error('no preview');
  const text = await textOf(page, region.backendNodeId);
  return { text: text.replace(/^Preview: exactly what will be posted\s*/, ''), ...region };
}

type GlyphBox = { char: string; left: number; right: number; top: number; width: number };

/** Where each character of the preview's first line (the greeting) is drawn, in the page's coordinates. */
async function greetingLayout(session: CDPSession, previewRegion: number): Promise<GlyphBox[]> {
  const { object } = await session.send('DOM.resolveNode', { backendNodeId: previewRegion });
  if (!object.objectId) throw new Error('the preview is gone');
  try {
    const { result } = await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: `function () {
        const text = this.querySelector('.preview')?.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) return [];
        const end = text.data.includes('\\n') ? text.data.indexOf('\\n') : text.data.length;
        return Array.from({ length: end }, (_, i) => {
          const range = document.createRange();
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          const { left, right, top, width } = range.getBoundingClientRect();
          return { char: text.data[i], left, right, top, width };
        });
      }`,
    });
    return result.value as GlyphBox[];
  } finally {
    await session.send('Runtime.releaseObject', { objectId: object.objectId });
  }
}

/** Our own words around the names ("Thank you, " and the closing "!") are drawn in reading order. */
function expectReadingOrder(boxes: GlyphBox[], before: string, after: string) {
  const ours = boxes.slice(0, before.length);
  expect(ours.map((box) => box.char).join('')).toBe(before);
  for (const [index, box] of ours.slice(1).entries()) {
    expect(box.left, `"${box.char}" drawn before "${ours[index]?.char}"`).toBeGreaterThanOrEqual(
      ours[index]?.left ?? 0,
    );
  }
  const end = boxes.at(-1);
  expect(end?.char).toBe(after);
  if (!end) return;
  // Every glyph of the names on the last line stands before it (long names wrap onto more lines).
  const lastLine = boxes
    .slice(before.length, -1)
    .filter((box) => box.width > 0 && Math.abs(box.top - end.top) < 1);
  for (const box of lastLine) {
    expect(box.right, `"${box.char}" of a name drawn after our "${after}"`).toBeLessThanOrEqual(
      end.left + 0.5,
    );
  }
}

const recordOf = (records: Recognition[], postId: string) => {
  const record = records.find((candidate) => candidate.post?.postId === postId);
  if (!record) throw new Error(`no record of post ${postId}`);
  return record;
};

test('hostile names, ids and links stay text: nothing runs, nothing is fetched, nothing reorders our words', async ({
  extension,
  hostile,
}) => {
  const page = await extension.context.newPage();
  const session = await extension.context.newCDPSession(page);
  await page.goto(`${hostile.origin}/names-as-text`);
  // Seven posts get buttons; the one without an id and the one without a name get none.
  await waitForRole(page, 'button', /^Thank .* for this post$/, { count: CASES.length });

  for (const { what, name } of CASES) {
    await test.step(what, async () => {
      // Accessible names are our sentences with the name inserted verbatim: not parsed, not reordered.
      expect(await findByRole(page, 'button', `Work out loud about this post by ${name}`)).toHaveLength(1);
      const shown = (await findByRole(page, 'StaticText', name)).length;
      await clickByRole(page, 'button', `Thank ${name} for this post`);
      await waitForRole(page, 'dialog', 'Say thank you');
      // The recipient chip: the name as one text, beside the page's own.
      expect(await findByRole(page, 'StaticText', name)).toHaveLength(shown + 1);
      expect(await findByRole(page, 'button', `Remove ${name}`)).toHaveLength(1);
      await page.keyboard.type(MESSAGE);
      await expect.poll(async () => (await preview(page)).text).toContain(MESSAGE);
      const { text, backendNodeId } = await preview(page);
      // The posted greeting names the author without bidi controls, which would reorder the words after it.
      expect(text.split('\n')[0]).toBe(`Thank you, ${name.replace(BIDI_CONTROLS, '')}!`);
      expectReadingOrder(await greetingLayout(session, backendNodeId), 'Thank you, ', '!');
      expect(await countInClosedShadowRoots(page, PARSED)).toBe(0);
      await clickByRole(page, 'button', 'Save thank-you');
      await waitForRole(page, 'button', thankedButton(name));
    });
  }

  const records = (await readExtensionDb(extension, 'recognitions')) as Recognition[];
  expect(records).toHaveLength(CASES.length);
  for (const { postId, name, authorId, profileUrl, permalink, excerpt } of CASES) {
    const record = recordOf(records, postId);
    // Stored verbatim, as text; links only where they are http(s), and then percent-encoded.
    expect(record).toMatchObject({ from: ME, to: [{ name }], message: MESSAGE, post: { excerpt } });
    expect(record.from.profileUrl).toBeUndefined();
    expect(record.post?.author).toEqual({
      name,
      ...(authorId && { id: authorId }),
      ...(profileUrl && { profileUrl: profileUrl(hostile.origin) }),
    });
    expect(record.post?.permalink).toBe(permalink?.(hostile.origin));
  }
});

test('markup the page renders itself is read as its text; its handlers and images never run again', async ({
  extension,
  hostile,
  watch,
}) => {
  const page = await extension.context.newPage();
  await page.goto(`${hostile.origin}/live-markup`);
  // The name's <b>, <img> and <svg><title> give their text only.
  const name = 'Eve Evil';
  await waitForRole(page, 'button', `Thank ${name} for this post`);
  await clickByRole(page, 'button', `Thank ${name} for this post`);
  await waitForRole(page, 'dialog', 'Say thank you');
  expect(await findByRole(page, 'button', `Remove ${name}`)).toHaveLength(1);
  await page.keyboard.type('Danke!');
  await clickByRole(page, 'button', 'Save thank-you');
  await waitForRole(page, 'button', thankedButton(name));
  expect(await countInClosedShadowRoots(page, PARSED)).toBe(0);

  const [record] = (await readExtensionDb(extension, 'recognitions')) as Recognition[];
  expect(record?.post).toEqual({
    host: 'demo',
    origin: hostile.origin,
    postId: 'live-1',
    excerpt: 'Vector Open and toggled',
    author: { name, id: 'eve' },
  });
  // The page's broken image was fetched once, by the page: reading the post copied it nowhere live.
  expect(hostile.served.filter((path) => path === BROKEN_IMAGE)).toHaveLength(1);
  expect(watch.requests.filter((url) => url.endsWith(BROKEN_IMAGE))).toHaveLength(1);
});

test('an adapter that reads a copy of the author hCard copies it into no live document', async ({
  extension,
  hostile,
  watch,
}) => {
  const page = await extension.context.newPage();
  await page.goto(`${hostile.origin}/connections-avatar`);
  // Customer-hosted: the user enables the site (loopback needs no permission prompt).
  await enableThroughPopup(extension, page);
  await waitForRole(page, 'button', 'Thank Eve Evil for this post');
  // The copy is made and read when the buttons mount; an image it loaded would have been asked for by now.
  await page.waitForTimeout(200);
  expect(hostile.served.filter((path) => path === BROKEN_IMAGE)).toHaveLength(1);
  expect(watch.requests.filter((url) => url.endsWith(BROKEN_IMAGE))).toHaveLength(1);
});

type Pixels = { width: number; height: number; rgba: Uint8Array };

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium's screenshots are) into RGBA pixels. */
function decodePng(png: Buffer): Pixels {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const compressed: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colorType, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0) {
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colorType}, interlace ${interlace}`);
      }
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') compressed.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(compressed));
  const stride = width * channels;
  const rgba = new Uint8Array(width * height * 4).fill(255);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const current = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? (current[i - channels] ?? 0) : 0;
      const up = previous[i] ?? 0;
      const upLeft = i >= channels ? (previous[i - channels] ?? 0) : 0;
      const value = line[i] ?? 0;
      if (filter === 0) current[i] = value;
      else if (filter === 1) current[i] = value + left;
      else if (filter === 2) current[i] = value + up;
      else if (filter === 3) current[i] = value + ((left + up) >> 1);
      else if (filter === 4) {
        const estimate = left + up - upLeft;
        const [dl, du, dul] = [left, up, upLeft].map((v) => Math.abs(estimate - v)) as [
          number,
          number,
          number,
        ];
        current[i] = value + (dl <= du && dl <= dul ? left : du <= dul ? up : upLeft);
      } else throw new Error(`unknown PNG filter ${filter}`);
    }
    for (let x = 0; x < width; x++) {
      rgba.set(current.subarray(x * channels, x * channels + Math.min(channels, 4)), (y * width + x) * 4);
    }
    previous = current;
  }
  return { width, height, rgba };
}

/** How many pixels differ at all, and by how much at most (0–255 in any channel). */
function pixelDiff(a: Pixels, b: Pixels): { differing: number; total: number; maxDelta: number } {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`sizes differ: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  }
  let differing = 0;
  let maxDelta = 0;
  for (let pixel = 0; pixel < a.width * a.height; pixel++) {
    let delta = 0;
    for (let channel = 0; channel < 4; channel++) {
      const i = pixel * 4 + channel;
      delta = Math.max(delta, Math.abs((a.rgba[i] ?? 0) - (b.rgba[i] ?? 0)));
    }
    if (delta > 0) differing++;
    maxDelta = Math.max(maxDelta, delta);
  }
  return { differing, total: a.width * a.height, maxDelta };
}

/** A screenshot of one node's border box (found through CDP, so inside closed shadow roots too). */
async function shotOf(page: Page, session: CDPSession, backendNodeId: number): Promise<Pixels> {
  const { quads } = await session.send('DOM.getContentQuads', { backendNodeId });
  const quad = quads[0];
  if (!quad) throw new Error('the node has no box on screen');
  const xs = [quad[0], quad[2], quad[4], quad[6]] as number[];
  const ys = [quad[1], quad[3], quad[5], quad[7]] as number[];
  const [x, y] = [Math.min(...xs), Math.min(...ys)];
  return shotOfBox(page, { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y });
}

/** Whole pixels: the same box at another fractional offset gives a screenshot of the same size. */
async function shotOfBox(page: Page, box: { x: number; y: number; width: number; height: number }) {
  const clip = {
    x: Math.round(box.x),
    y: Math.round(box.y),
    width: Math.round(box.width),
    height: Math.round(box.height),
  };
  return decodePng(await page.screenshot({ clip, animations: 'disabled', caret: 'hide' }));
}

/**
 * The most two renderings of the same pixels may differ by (of 255, per channel): the GPU rasterises the
 * same text a shade differently at another place on the page. A part the page restyled differs by far more.
 */
const RASTER_NOISE = 2;

const RESTYLED_AUTHOR = 'Eve Example';
const THANK_RESTYLED = `Thank ${RESTYLED_AUTHOR} for this post`;

/** The parts of our UI compared between the clean and the restyled page: role, name, in the composer? */
const LOOKS = [
  ['button', THANK_RESTYLED, false],
  ['button', `Work out loud about this post by ${RESTYLED_AUTHOR}`, false],
  ['heading', 'Say thank you', true],
  ['button', `Remove ${RESTYLED_AUTHOR}`, true],
  ['button', 'Cancel', true],
  ['button', 'Save thank-you', true],
] as const;

async function openRestyled(extension: ExtensionFixture, url: string) {
  const page = await extension.context.newPage();
  // Tall enough for the restyled page's 40px text: no scrolling, so boxes and clips share coordinates.
  await page.setViewportSize({ width: 1280, height: 3200 });
  await page.goto(url);
  await waitForRole(page, 'button', THANK_RESTYLED);
  return { page, session: await extension.context.newCDPSession(page) };
}

async function hostBox(page: Page) {
  const box = await page.locator('rueckenwind-post-actions').boundingBox();
  if (!box) throw new Error(`our host has no box on ${page.url()}`);
  return box;
}

/** Screenshots of our host and of every part in LOOKS, opening the composer on the way (a real click). */
async function shootLooks(page: Page, session: CDPSession): Promise<Pixels[]> {
  // Our host tag as a whole: nothing of the page's (a `::before` "pwned", a border) inside it. Inset by a
  // pixel: the antialiased edge of the page's own text beside it (a wavy underline) may reach into that.
  const { x, y, width, height } = await hostBox(page);
  const shots = [await shotOfBox(page, { x: x + 1, y: y + 1, width: width - 2, height: height - 2 })];
  for (const [role, name, inComposer] of LOOKS) {
    if (inComposer && (await findByRole(page, 'dialog', 'Say thank you')).length === 0) {
      // At the button's centre: it must be on screen and on top, whatever the page hides.
      await clickByRole(page, 'button', THANK_RESTYLED);
      await waitForRole(page, 'dialog', 'Say thank you');
      // Away from every part compared: no hover colour in the screenshots.
      await page.mouse.move(1, 1);
    }
    const [node] = await waitForRole(page, role, name);
    if (!node) throw new Error(`no ${role} ${name}`);
    shots.push(await shotOf(page, session, node.backendNodeId));
  }
  return shots;
}

const fraction = (value: number) => value - Math.floor(value);

test('a stylesheet that restyles every button, every element and our host tag changes nothing of ours', async ({
  extension,
  hostile,
  watch,
}, testInfo) => {
  const restyled = await openRestyled(extension, `${hostile.origin}/restyle-hostile`);
  // The page's CSP is in force: its own inline <style> was refused (ours, in the shadow root, was not).
  expect(
    await restyled.page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--inline-style'),
    ),
  ).toBe('');
  const clean = await openRestyled(extension, `${hostile.origin}/restyle-clean`);
  // Text is antialiased by its sub-pixel position, which the page's layout decides: the clean page's action
  // row moves by less than a pixel, so that our host stands at the same phase on both pages.
  const [target, before] = [await hostBox(restyled.page), await hostBox(clean.page)];
  await clean.page.locator('footer.post-actions').evaluate(
    (footer, nudge) => {
      footer.style.setProperty('padding-left', `${nudge.x}px`);
      footer.style.setProperty('padding-top', `calc(4px + ${nudge.y}px)`);
    },
    { x: fraction(target.x - before.x), y: fraction(target.y - before.y) },
  );
  const after = await hostBox(clean.page);
  expect([fraction(after.x), fraction(after.y)]).toEqual([fraction(target.x), fraction(target.y)]);

  const cleanShots = await shootLooks(clean.page, clean.session);
  // Unsaved: the restyled page shows the same post, which must look as it did here, not thanked.
  await clean.page.close();
  const restyledShots = await shootLooks(restyled.page, restyled.session);
  await restyled.page.keyboard.type('Danke!');
  await clickByRole(restyled.page, 'button', 'Save thank-you');
  await waitForRole(restyled.page, 'button', thankedButton(RESTYLED_AUTHOR));
  expect(await readExtensionDb(extension, 'recognitions')).toHaveLength(1);

  const parts = [['host', 'rueckenwind-post-actions'] as const, ...LOOKS];
  const report = parts.map(([role, name], index) => {
    const [a, b] = [cleanShots[index], restyledShots[index]];
    if (!a || !b) throw new Error(`no screenshot of ${role} ${name}`);
    return { part: `${role} "${name}"`, size: `${a.width}×${a.height}`, ...pixelDiff(a, b) };
  });
  await testInfo.attach('pixel differences', {
    body: JSON.stringify(report, null, 2),
    contentType: 'application/json',
  });
  expect(report.filter((part) => part.maxDelta > RASTER_NOISE)).toEqual([]);
  expect(watch.unexpected).toEqual([]);
});
