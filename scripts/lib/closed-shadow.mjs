// Finds and operates UI inside CLOSED shadow roots, which Playwright locators cannot pierce. Everything goes
// through CDP and the accessibility tree, so tests see what a screen reader sees (names, states; nothing
// behind a modal <dialog>), and clicks are real mouse events at the element's on-screen centre.
// Main frame only: iframes have their own AX trees.

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').CDPSession} CDPSession */

/**
 * One accessibility node. Absent states were not exposed for this node.
 * @typedef {object} RoleMatch
 * @property {number} backendNodeId Stable DOM node id for the other helpers (textOf, ...).
 * @property {string} role ARIA/Chromium role, e.g. `button`, `dialog`, `textbox`, `status`.
 * @property {string} name Accessible name (whitespace-normalised by Chromium).
 * @property {string} [description]
 * @property {string} [value] Current value of a textbox, slider, ...
 * @property {boolean | 'mixed'} [pressed]
 * @property {boolean | 'mixed'} [checked]
 * @property {boolean} [expanded]
 * @property {boolean} [selected]
 * @property {boolean} [disabled]
 * @property {boolean} [focused]
 * @property {boolean} [focusable]
 * @property {boolean} [modal]
 * @property {boolean} [busy]
 * @property {boolean} [required]
 * @property {boolean} [readonly]
 * @property {string} [invalid]
 * @property {string} [live] `polite` / `assertive` for live regions.
 * @property {string} [hasPopup]
 * @property {number} [level] Heading level.
 */

/** @typedef {string | RegExp} NameMatcher */

/** AX properties copied onto a RoleMatch, with how their CDP value is converted. */
const PROPERTY_KINDS = /** @type {const} */ ({
  pressed: 'tristate',
  checked: 'tristate',
  expanded: 'boolean',
  selected: 'boolean',
  disabled: 'boolean',
  focused: 'boolean',
  focusable: 'boolean',
  modal: 'boolean',
  busy: 'boolean',
  required: 'boolean',
  readonly: 'boolean',
  invalid: 'string',
  live: 'string',
  hasPopup: 'string',
  level: 'number',
});

/** Roles left out of the "what was found" list on timeouts: structure and text, not UI. */
const NOISE_ROLES = new Set(['generic', 'none', 'StaticText', 'InlineTextBox', 'LineBreak', 'RootWebArea']);

/** @type {WeakMap<Page, Promise<CDPSession>>} */
const sessions = new WeakMap();

/**
 * One CDP session per page, reused: polling would otherwise attach a new session every 100 ms.
 * @param {Page} page
 * @returns {Promise<CDPSession>}
 */
function cdp(page) {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/**
 * @param {unknown} raw
 * @param {'tristate' | 'boolean' | 'string' | 'number'} kind
 * @returns {boolean | 'mixed' | string | number | undefined}
 */
function convert(raw, kind) {
  if (raw === undefined || raw === null) return undefined;
  if (kind === 'number') return Number(raw);
  if (kind === 'string') return String(raw);
  if (kind === 'tristate' && raw === 'mixed') return 'mixed';
  return raw === true || raw === 'true';
}

/**
 * @param {{ backendDOMNodeId?: number, role?: { value?: unknown }, name?: { value?: unknown },
 *   description?: { value?: unknown }, value?: { value?: unknown },
 *   properties?: { name: string, value: { value?: unknown } }[] }} node
 * @returns {RoleMatch | undefined}
 */
function toMatch(node) {
  if (node.backendDOMNodeId === undefined) return undefined;
  /** @type {RoleMatch} */
  const match = {
    backendNodeId: node.backendDOMNodeId,
    role: String(node.role?.value ?? ''),
    name: String(node.name?.value ?? ''),
  };
  if (node.description?.value) match.description = String(node.description.value);
  if (node.value?.value !== undefined) match.value = String(node.value.value);
  for (const { name, value } of node.properties ?? []) {
    if (!Object.hasOwn(PROPERTY_KINDS, name)) continue;
    const key = /** @type {keyof typeof PROPERTY_KINDS} */ (name);
    const converted = convert(value.value, PROPERTY_KINDS[key]);
    if (converted !== undefined) Object.assign(match, { [key]: converted });
  }
  return match;
}

/**
 * All nodes a screen reader would see (ignored nodes left out), in reading order. CDP lists nodes in no
 * useful order, so the tree is walked depth-first: `nth` then means the nth on the page, top to bottom.
 * @param {Page} page
 * @returns {Promise<RoleMatch[]>}
 */
async function accessibleNodes(page) {
  const { nodes } = await (await cdp(page)).send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const stack = nodes.filter((node) => node.parentId === undefined || !byId.has(node.parentId)).reverse();
  /** @type {RoleMatch[]} */
  const ordered = [];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const match = node.ignored ? undefined : toMatch(node);
    if (match) ordered.push(match);
    for (const childId of [...(node.childIds ?? [])].reverse()) {
      const child = byId.get(childId);
      if (child) stack.push(child);
    }
  }
  return ordered;
}

/**
 * @param {string} actual
 * @param {NameMatcher | undefined} expected
 */
function nameMatches(actual, expected) {
  if (expected === undefined) return true;
  if (typeof expected === 'string') return actual === expected;
  expected.lastIndex = 0; // a /g or /y RegExp is stateful across test() calls
  return expected.test(actual);
}

/**
 * @param {string} role
 * @param {NameMatcher | undefined} name
 */
function describeQuery(role, name) {
  return name === undefined
    ? `role=${role}`
    : `role=${role} name=${typeof name === 'string' ? JSON.stringify(name) : name}`;
}

/**
 * A readable list of the nodes present (text and generic containers left out), for error messages.
 * @param {RoleMatch[]} nodes
 */
function summarise(nodes) {
  const lines = nodes
    .filter((node) => !NOISE_ROLES.has(node.role))
    .map((node) => `  ${node.role} ${JSON.stringify(node.name)}`);
  const shown = lines.slice(0, 80);
  if (lines.length > shown.length) shown.push(`  ... and ${lines.length - shown.length} more`);
  return shown.length ? shown.join('\n') : '  (nothing but text and generic containers)';
}

/**
 * Nodes in the page's accessibility tree (closed shadow roots included) with this role and name.
 * @param {Page} page
 * @param {string} role
 * @param {NameMatcher} [name] Exact string or RegExp; omitted matches any name.
 * @returns {Promise<RoleMatch[]>}
 */
export async function findByRole(page, role, name) {
  const nodes = await accessibleNodes(page);
  return nodes.filter((node) => node.role === role && nameMatches(node.name, name));
}

/**
 * Polls until a node with this role and name exists, or until exactly `count` exist (0: until gone).
 * @param {Page} page
 * @param {string} role
 * @param {NameMatcher} [name]
 * @param {{ count?: number, timeout?: number }} [options] timeout in ms, default 10 000.
 * @returns {Promise<RoleMatch[]>}
 */
export async function waitForRole(page, role, name, { count, timeout = 10_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const nodes = await accessibleNodes(page);
    const matches = nodes.filter((node) => node.role === role && nameMatches(node.name, name));
    if (count === undefined ? matches.length > 0 : matches.length === count) return matches;
    if (Date.now() >= deadline) {
      const wanted = count === undefined ? 'at least 1' : String(count);
      throw new Error(
        `waitForRole: wanted ${wanted} of ${describeQuery(role, name)}, found ${matches.length} after ${timeout} ms.\n` +
          `Accessible nodes on ${page.url()}:\n${summarise(nodes)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * @param {Page} page
 * @param {string} role
 * @param {NameMatcher | undefined} name
 * @param {number} nth
 * @returns {Promise<RoleMatch>}
 */
async function nthByRole(page, role, name, nth) {
  // Waits like Playwright's own actions do: UI mounted a frame later is not a failure.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const nodes = await accessibleNodes(page);
    const matches = nodes.filter((node) => node.role === role && nameMatches(node.name, name));
    const match = matches[nth];
    if (match) return match;
    if (Date.now() >= deadline) {
      throw new Error(
        `No match #${nth} for ${describeQuery(role, name)} (${matches.length} found).\n` +
          `Accessible nodes on ${page.url()}:\n${summarise(nodes)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Centre of the node's first content quad, in viewport CSS pixels.
 * @param {CDPSession} session
 * @param {number} backendNodeId
 * @returns {Promise<{ x: number, y: number } | undefined>}
 */
async function centre(session, backendNodeId) {
  const { quads } = await session.send('DOM.getContentQuads', { backendNodeId });
  const quad = quads[0];
  if (!quad || quad.length < 8) return undefined;
  const xs = [quad[0], quad[2], quad[4], quad[6]].map(Number);
  const ys = [quad[1], quad[3], quad[5], quad[7]].map(Number);
  return { x: xs.reduce((a, b) => a + b) / 4, y: ys.reduce((a, b) => a + b) / 4 };
}

/**
 * Scrolls the node into view and waits until its position stops changing (open/slide animations),
 * as Playwright does before its own clicks.
 * @param {Page} page
 * @param {number} backendNodeId
 * @param {string} what for the error message
 */
async function stablePoint(page, backendNodeId, what) {
  const session = await cdp(page);
  await session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
  let previous = await centre(session, backendNodeId);
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    const current = await centre(session, backendNodeId);
    if (previous && current && previous.x === current.x && previous.y === current.y) return current;
    previous = current;
  }
  throw new Error(`${what} has no stable on-screen box (hidden, zero-sized or still moving).`);
}

/**
 * Clicks the nth node with this role and name the way a user does: scroll into view, then a real mouse
 * click at its centre (so whatever is on top there gets the click, and focus moves as for a user).
 * @param {Page} page
 * @param {string} role
 * @param {NameMatcher} [name]
 * @param {{ nth?: number }} [options]
 * @returns {Promise<RoleMatch>} the node that was clicked (its state before the click).
 */
export async function clickByRole(page, role, name, { nth = 0 } = {}) {
  const match = await nthByRole(page, role, name, nth);
  const { x, y } = await stablePoint(page, match.backendNodeId, describeQuery(role, name));
  await page.mouse.click(x, y);
  return match;
}

/**
 * Moves keyboard focus to the nth node with this role and name (e.g. before `page.keyboard.type`).
 * @param {Page} page
 * @param {string} role
 * @param {NameMatcher} [name]
 * @param {{ nth?: number }} [options]
 * @returns {Promise<RoleMatch>}
 */
export async function focusByRole(page, role, name, { nth = 0 } = {}) {
  const match = await nthByRole(page, role, name, nth);
  const session = await cdp(page);
  await session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: match.backendNodeId });
  await session.send('DOM.focus', { backendNodeId: match.backendNodeId });
  return match;
}

/**
 * Counts elements matching a CSS selector inside all closed shadow roots of the page (nested ones and
 * those in same-process iframes included; the light DOM and open roots are not counted).
 * @param {Page} page
 * @param {string} cssSelector
 * @returns {Promise<number>}
 */
export async function countInClosedShadowRoots(page, cssSelector) {
  // Node ids go stale when the page changes between the two CDP calls: count again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await countOnce(page, cssSelector);
    } catch (error) {
      if (attempt >= 5 || !/Could not find node/.test(String(error))) throw error;
    }
  }
}

/** One attempt of countInClosedShadowRoots. @param {Page} page @param {string} cssSelector */
async function countOnce(page, cssSelector) {
  const session = await cdp(page);
  const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  /** @type {number[]} */
  const closedRoots = [];
  /** @param {typeof root} node */
  const visit = (node) => {
    for (const shadowRoot of node.shadowRoots ?? []) {
      if (shadowRoot.shadowRootType === 'closed') closedRoots.push(shadowRoot.nodeId);
      visit(shadowRoot);
    }
    for (const child of node.children ?? []) visit(child);
    if (node.contentDocument) visit(node.contentDocument);
  };
  visit(root);
  let total = 0;
  for (const nodeId of closedRoots) {
    const { nodeIds } = await session.send('DOM.querySelectorAll', { nodeId, selector: cssSelector });
    total += nodeIds.length;
  }
  return total;
}

/**
 * The rendered text of a node (`innerText`: what is visible, as laid out), e.g. of a status message.
 * @param {Page} page
 * @param {number} backendNodeId from a RoleMatch
 * @returns {Promise<string>}
 */
export async function textOf(page, backendNodeId) {
  const session = await cdp(page);
  const { object } = await session.send('DOM.resolveNode', { backendNodeId });
  if (!object.objectId) throw new Error(`Node ${backendNodeId} no longer exists.`);
  try {
    const { result } = await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { return this.innerText ?? this.textContent ?? ""; }',
      returnByValue: true,
    });
    return String(result.value ?? '');
  } finally {
    await session.send('Runtime.releaseObject', { objectId: object.objectId });
  }
}
