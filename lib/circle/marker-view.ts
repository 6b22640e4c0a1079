/**
 * What the circle marker shows on a post, inside its closed shadow root: "★ On your list" with a
 * suggestion to contribute for people on the relationship list, "☆ Add to my list" for the others.
 * One host per post, whose content switches from the one to the other when the author is added.
 */
import type { Person } from '../db/schemas';
import { t } from '../i18n/t';
import { createShadowHost } from '../inject/shadow-host';
import { MARKER_TAG } from './marker-tag';

const MARKER_CSS = `
:host { all: initial; display: inline-block; margin-inline-start: 8px; vertical-align: middle; }
.view { display: inline-flex; gap: 6px; align-items: baseline; font: 12px/1.4 system-ui, sans-serif; color: #5b4a00; }
.marker { display: inline-flex; gap: 6px; align-items: baseline; border-radius: 4px; }
.pill { padding: 1px 7px; border-radius: 999px; background: #fff4c2; border: 1px solid #e9d57a; }
.hint { color: #6b6b6b; }
.add { display: inline-flex; gap: 4px; align-items: baseline; margin: 0; padding: 1px 7px; border: 1px dashed #cbb659; border-radius: 999px; background: transparent; color: inherit; font: inherit; cursor: pointer; }
.add:hover { background: #fff8d9; }
.add[aria-busy="true"] { cursor: progress; opacity: .7; }
.add:focus-visible, .marker:focus-visible { outline: 2px solid #0b65c2; outline-offset: 2px; }
.problem { color: #cf222e; }
@media (prefers-color-scheme: dark) {
  .view { color: #f3e3a0; } .pill { background: #3d3513; border-color: #6d5f22; } .hint { color: #b8b8b8; }
  .add { border-color: #6d5f22; } .add:hover { background: #3d3513; }
  .add:focus-visible, .marker:focus-visible { outline-color: #4493f8; } .problem { color: #ff7b72; }
}
`;

export type MarkerView = {
  host: HTMLElement;
  /** Whether it shows "On your list" (else "Add to my list"). */
  readonly listed: boolean;
  showListed: (person: Person) => void;
  /** Shows the add button for this author; `onAdd` runs on its click (or Enter, Space). */
  showAdd: (name: string, onAdd: () => void) => void;
  setBusy: (busy: boolean) => void;
  /** A failed add: said beside the button, which stays usable for another try. */
  showProblem: (text: string) => void;
  /** Whether the keyboard focus is on this view's button or marker. */
  hasFocus: () => boolean;
  /** Moves the focus to the marker, so a keyboard user who just added the author keeps their place. */
  focusMarker: () => void;
};

export function createMarkerView(doc: Document): MarkerView {
  const { host, root } = createShadowHost(doc, MARKER_CSS, MARKER_TAG);
  const view = doc.createElement('span');
  view.className = 'view';
  root.append(view);
  let listed = false;
  let button: HTMLButtonElement | undefined;
  let marker: HTMLElement | undefined;

  const element = (tag: string, className: string, text: string) => {
    const made = doc.createElement(tag);
    made.className = className;
    made.textContent = text;
    return made;
  };

  return {
    host,
    get listed() {
      return listed;
    },
    showListed(person) {
      listed = true;
      button = undefined;
      marker = doc.createElement('span');
      marker.className = 'marker';
      marker.setAttribute('role', 'note');
      marker.setAttribute('aria-label', `${t('markerLabel', person.name)}. ${t('markerSuggestion')}`);
      const pill = element('span', 'pill', `★ ${t('markerText')}`);
      const hint = element('span', 'hint', t('markerSuggestion'));
      pill.setAttribute('aria-hidden', 'true');
      hint.setAttribute('aria-hidden', 'true');
      marker.append(pill, hint);
      view.replaceChildren(marker);
    },
    showAdd(name, onAdd) {
      listed = false;
      marker = undefined;
      button = doc.createElement('button');
      button.type = 'button';
      button.className = 'add';
      button.setAttribute('aria-label', t('markerAddLabel', name));
      const glyph = element('span', 'glyph', '☆');
      glyph.setAttribute('aria-hidden', 'true');
      button.append(glyph, t('markerAdd'));
      button.addEventListener('click', onAdd);
      view.replaceChildren(button);
    },
    setBusy(busy) {
      if (busy) button?.setAttribute('aria-busy', 'true');
      else button?.removeAttribute('aria-busy');
    },
    showProblem(text) {
      if (!button) return;
      const problem = element('span', 'problem', text);
      problem.id = 'problem';
      button.setAttribute('aria-describedby', problem.id);
      view.replaceChildren(button, problem);
    },
    hasFocus: () => root.activeElement !== null,
    focusMarker() {
      if (!marker) return;
      marker.tabIndex = -1;
      marker.focus();
    },
  };
}
