/**
 * Styles of the injected UI. They live inside a closed shadow root: host CSS cannot reach them and they
 * cannot leak out. `:host { all: initial }` resets whatever the host page tries to inherit into us.
 * The only thing taken from the host is its scheme (`data-scheme`, see host-look.ts): light or dark
 * palette, following the host's theme where known and the system's otherwise.
 *
 * Split in two: the buttons' part ships in every content script and is adopted by every post's root;
 * the composers' part comes with the composers (loaded on first use) and only into the root that opens one.
 */
const LIGHT = `--rw-surface: #fff; --rw-text: #1f2328; --rw-line: #c8ccd1; --rw-quiet: #f6f8fa; --rw-accent: #0b65c2; --rw-on-accent: #fff; --rw-ok: #1a7f37; --rw-bad: #cf222e;`;
const DARK = `--rw-surface: #161b22; --rw-text: #e6edf3; --rw-line: #3d444d; --rw-quiet: #0d1117; --rw-accent: #1f6feb; --rw-on-accent: #fff; --rw-ok: #3fb950; --rw-bad: #ff7b72;`;

export const BUTTONS_CSS = `
/* !important: page rules aimed at our tag beat a normal :host rule, but an important one here beats them all
   (inner context wins), inline styles too. \`all\` spares direction, which the page's would flip; our texts
   are German and English. The --rw-* the page itself may define stop at our host. */
:host { all: initial !important; display: inline-block !important; vertical-align: middle !important; direction: ltr !important; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif !important; font-size: 13px !important; line-height: 1.4 !important; color: var(--rw-text) !important; ${LIGHT} }
:host::before, :host::after { content: none !important; }
@media (prefers-color-scheme: dark) { :host(:not([data-scheme="light"])) { ${DARK} } }
:host([data-scheme="dark"]) { ${DARK} }
* { box-sizing: border-box; }
.action { display: inline-flex; align-items: center; gap: 4px; margin: 0 0 0 8px; padding: 2px 10px; min-height: 26px; border: 1px solid color-mix(in srgb, currentColor 30%, transparent); border-radius: 14px; background: transparent; color: inherit; font: inherit; cursor: pointer; }
.action + .action { margin-left: 6px; }
.action:hover { background: color-mix(in srgb, currentColor 8%, transparent); }
.action:focus-visible, button:focus-visible { outline: 2px solid var(--rw-accent); outline-offset: 2px; }
[data-state="saved"], [data-state="sent"] { border-color: var(--rw-ok); color: var(--rw-ok); }
[data-state="failed"] { border-color: var(--rw-bad); color: var(--rw-bad); }
.icon { font-size: 1em; line-height: 1; }
.failure, .note { margin-left: 8px; }
.failure { color: var(--rw-bad); }
.retry { padding: 0 4px; border: 0; background: none; color: inherit; font: inherit; text-decoration: underline; cursor: pointer; }
`;

export const COMPOSER_CSS = `
textarea:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid var(--rw-accent); outline-offset: 2px; }
.composer { position: fixed; inset: auto; width: min(420px, calc(100vw - 16px)); max-height: calc(100vh - 16px); overflow: auto; margin: 0; padding: 12px; border: 1px solid var(--rw-line); border-radius: 8px; background: var(--rw-surface); color: var(--rw-text); box-shadow: 0 4px 16px rgb(0 0 0 / 20%); font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: start; }
.composer h2 { margin: 0 0 8px; font-size: 15px; font-weight: 600; }
.field { display: block; margin: 0 0 10px; }
.recipients { border: 0; padding: 0; min-width: 0; }
.label { display: block; margin: 0 0 4px; font-size: inherit; font-weight: 600; }
.chips { display: flex; flex-wrap: wrap; gap: 4px; margin: 0 0 6px; padding: 0; list-style: none; }
.chip { display: inline-flex; align-items: center; gap: 4px; padding: 2px 4px 2px 8px; border-radius: 12px; background: var(--rw-quiet); }
.chip button { border: 0; background: transparent; color: inherit; font: inherit; cursor: pointer; padding: 0 4px; }
.add { display: flex; gap: 6px; }
.check { display: flex; align-items: center; gap: 6px; margin: 0 0 8px; }
.check input { width: auto; }
input, textarea, select { width: 100%; padding: 6px 8px; border: 1px solid var(--rw-line); border-radius: 6px; background: var(--rw-surface); color: var(--rw-text); font: inherit; }
textarea { min-height: 72px; resize: vertical; }
.preview { margin: 0; padding: 8px; border-radius: 6px; background: var(--rw-quiet); white-space: pre-wrap; overflow-wrap: anywhere; }
.buttons { display: flex; justify-content: flex-end; gap: 8px; }
.buttons button, .add button { padding: 5px 12px; border: 1px solid var(--rw-line); border-radius: 6px; background: var(--rw-surface); color: var(--rw-text); font: inherit; cursor: pointer; }
.buttons .primary { border-color: var(--rw-accent); background: var(--rw-accent); color: var(--rw-on-accent); }
.buttons .primary[disabled] { opacity: .6; cursor: progress; }
.alert { margin: 0 0 8px; color: var(--rw-bad); }
`;
