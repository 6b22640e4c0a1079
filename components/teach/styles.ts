/**
 * Styles of the picker, inside its closed shadow root: page CSS cannot reach them, and they cannot
 * leak out. Outlines are boxes in our own layer, drawn over the page's elements, never on them.
 */
const LIGHT = `--rw-surface: #fff; --rw-text: #1f2328; --rw-line: #c8ccd1; --rw-quiet: #f6f8fa; --rw-accent: #0b65c2; --rw-on-accent: #fff; --rw-bad: #cf222e; --rw-author: #1a7f37; --rw-me: #8250df;`;
const DARK = `--rw-surface: #161b22; --rw-text: #e6edf3; --rw-line: #3d444d; --rw-quiet: #0d1117; --rw-accent: #4493f8; --rw-on-accent: #0d1117; --rw-bad: #ff7b72; --rw-author: #3fb950; --rw-me: #bc8cff;`;

export const TEACH_CSS = `
:host { all: initial; ${LIGHT} }
@media (prefers-color-scheme: dark) { :host { ${DARK} } }
* { box-sizing: border-box; }
.outline { position: fixed; pointer-events: none; border: 2px solid var(--rw-accent); border-radius: 3px; }
.outline[hidden] { display: none; }
.outline-candidate { border-style: dashed; background: color-mix(in srgb, var(--rw-accent) 8%, transparent); }
.outline-match { border-width: 1px; }
.outline-author { border-color: var(--rw-author); }
.outline-me { border-color: var(--rw-me); }
.label { position: absolute; top: -20px; left: -2px; padding: 1px 6px; border-radius: 3px; background: var(--rw-accent); color: var(--rw-on-accent); font: 600 12px/16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; white-space: nowrap; }
.label-inside .label { top: 0; left: 0; }
.outline-author .label { background: var(--rw-author); }
.outline-me .label { background: var(--rw-me); }
.panel { position: fixed; bottom: 16px; right: 16px; width: min(360px, calc(100vw - 32px)); max-height: calc(100vh - 32px); overflow: auto; padding: 14px; border: 1px solid var(--rw-line); border-radius: 10px; background: var(--rw-surface); color: var(--rw-text); box-shadow: 0 6px 24px rgb(0 0 0 / 25%); font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; pointer-events: auto; text-align: start; }
.panel.left { right: auto; left: 16px; }
h2 { margin: 0 0 8px; font-size: 15px; font-weight: 600; }
h2:focus { outline: none; }
p { margin: 0 0 8px; }
.step { font-weight: 600; }
.candidate { padding: 6px 8px; border-radius: 6px; background: var(--rw-quiet); overflow-wrap: anywhere; }
.hint { color: color-mix(in srgb, var(--rw-text) 70%, transparent); font-size: 12px; }
.alert { color: var(--rw-bad); }
.alert:empty { display: none; }
ul.facts { margin: 0 0 8px; padding-left: 18px; }
details { margin: 0 0 8px; }
summary { cursor: pointer; }
dl { margin: 6px 0 0; }
dt { font-weight: 600; }
dd { margin: 0 0 6px; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.buttons { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 6px; margin-top: 6px; }
button { padding: 5px 10px; border: 1px solid var(--rw-line); border-radius: 6px; background: var(--rw-surface); color: var(--rw-text); font: inherit; cursor: pointer; }
button.primary { border-color: var(--rw-accent); background: var(--rw-accent); color: var(--rw-on-accent); }
button[disabled] { opacity: .6; cursor: progress; }
button.move { margin-right: auto; }
button:focus-visible { outline: 2px solid var(--rw-accent); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
