/**
 * Styles of the injected UI. They live inside a closed shadow root: host CSS cannot reach them and they
 * cannot leak out. `:host { all: initial }` resets whatever the host page tries to inherit into us.
 */
export const POST_ACTIONS_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
* { box-sizing: border-box; }
.action { display: inline-flex; align-items: center; gap: 4px; margin: 0 0 0 8px; padding: 2px 10px; min-height: 26px; border: 1px solid #c8ccd1; border-radius: 14px; background: #fff; color: #1f2328; font: inherit; cursor: pointer; }
.action:hover { background: #f3f4f6; }
.action + .action { margin-left: 6px; }
.action:focus-visible, button:focus-visible, textarea:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid #0b65c2; outline-offset: 2px; }
.thank[data-state="saved"] { border-color: #1a7f37; color: #1a7f37; }
.thank[data-state="failed"] { border-color: #cf222e; color: #cf222e; }
.failure { margin-left: 8px; color: #cf222e; }
.retry { padding: 0 4px; border: 0; background: none; color: inherit; font: inherit; text-decoration: underline; cursor: pointer; }
.check { display: flex; align-items: center; gap: 6px; margin: 0 0 8px; }
.check input { width: auto; }
.preview { margin: 0; padding: 8px; border-radius: 6px; background: #f6f8fa; white-space: pre-wrap; overflow-wrap: anywhere; }
.icon { font-size: 14px; line-height: 1; }
.composer { position: fixed; inset: auto; width: min(420px, calc(100vw - 16px)); max-height: calc(100vh - 16px); overflow: auto; margin: 0; padding: 12px; border: 1px solid #c8ccd1; border-radius: 8px; background: #fff; color: #1f2328; box-shadow: 0 4px 16px rgb(0 0 0 / 12%); text-align: start; }
.composer h2 { margin: 0 0 8px; font-size: 15px; font-weight: 600; }
.field { display: block; margin: 0 0 10px; }
.recipients { border: 0; padding: 0; min-width: 0; }
.label { display: block; margin: 0 0 4px; font-weight: 600; }
.chips { display: flex; flex-wrap: wrap; gap: 4px; margin: 0 0 6px; padding: 0; list-style: none; }
.chip { display: inline-flex; align-items: center; gap: 4px; padding: 2px 4px 2px 8px; border-radius: 12px; background: #eef2f7; }
.chip button { border: 0; background: transparent; color: inherit; font: inherit; cursor: pointer; padding: 0 4px; }
.add { display: flex; gap: 6px; }
input, textarea, select { width: 100%; padding: 6px 8px; border: 1px solid #c8ccd1; border-radius: 6px; background: #fff; color: #1f2328; font: inherit; }
textarea { min-height: 72px; resize: vertical; }
.buttons { display: flex; justify-content: flex-end; gap: 8px; }
.buttons button, .add button { padding: 5px 12px; border: 1px solid #c8ccd1; border-radius: 6px; background: #fff; color: #1f2328; font: inherit; cursor: pointer; }
.buttons .primary { border-color: #0b65c2; background: #0b65c2; color: #fff; }
.buttons .primary[disabled] { opacity: .6; cursor: progress; }
.alert { margin: 0 0 8px; color: #cf222e; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  :host { color: #e6edf3; }
  .action, .composer, input, textarea, select, .buttons button, .add button { background: #161b22; color: #e6edf3; border-color: #3d444d; }
  .action:hover { background: #21262d; }
  .preview { background: #0d1117; }
  .failure { color: #ff7b72; }
  .chip { background: #21262d; }
  .thank[data-state="saved"] { border-color: #3fb950; color: #3fb950; }
  .buttons .primary { background: #1f6feb; border-color: #1f6feb; color: #fff; }
}
`;
