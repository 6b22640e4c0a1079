import { signatureOf } from './features';

/** What a pointed-at or focused page element means in the current step, or undefined to ignore it. */
export type CandidateOf = (target: Element) => Element | undefined;

export type PickerEvents = {
  /** The element the next pick would take; `byKeyboard` asks for it to be announced. */
  onCandidate: (candidate: Element | undefined, byKeyboard: boolean) => void;
  onPick: (picked: Element) => void;
  onCancel: () => void;
};

export type Picker = {
  /** Starts picking with this meaning of a target, or stops picking (`undefined`): the page works again. */
  setMode: (candidateOf: CandidateOf | undefined) => void;
  stop: () => void;
};

/** Events a click is made of: while picking, none of them reaches the page (no link is followed). */
const SWALLOWED = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'dblclick', 'auxclick'];

/**
 * Picking page elements with the mouse or the keyboard. Pointer: hover outlines, a click picks. Keyboard:
 * Tab moves through the page's own focusable elements, ↑/↓ widen or narrow the outline, ←/→ jump to the
 * previous or next element built alike, Enter picks, Escape cancels. Events on our own panel (they
 * arrive retargeted to `ownHost`) pass through untouched.
 */
export function createPicker(doc: Document, ownHost: Element, events: PickerEvents): Picker {
  const view = doc.defaultView;
  let candidateOf: CandidateOf | undefined;
  let origin: Element | undefined;
  let current: Element | undefined;

  const pageTarget = (event: Event): Element | undefined => {
    const target = event.composedPath()[0] ?? event.target;
    if (!(target instanceof Element) || target === ownHost || ownHost.contains(target)) return undefined;
    return target;
  };
  const offer = (target: Element, byKeyboard: boolean) => {
    if (!candidateOf || target === origin) return;
    origin = target;
    current = candidateOf(target);
    events.onCandidate(current, byKeyboard);
  };
  const move = (next: Element | null | undefined) => {
    const top = next === doc.body || next === doc.documentElement;
    if (!next || top) return;
    current = next;
    events.onCandidate(current, true);
  };
  const alike = (step: 1 | -1) => {
    if (!current) return undefined;
    const all = Array.from(doc.querySelectorAll(signatureOf(current)));
    return all[all.indexOf(current) + step];
  };
  const narrower = () => {
    if (!current) return undefined;
    if (origin && origin !== current && current.contains(origin)) {
      let child: Element | null = origin;
      while (child && child.parentElement !== current) child = child.parentElement;
      return child;
    }
    return current.firstElementChild;
  };

  const onPointerMove = (event: Event) => {
    const target = pageTarget(event);
    if (target) offer(target, false);
  };
  const onFocus = (event: Event) => {
    const target = pageTarget(event);
    if (target) offer(target, true);
  };
  const swallow = (event: Event) => {
    if (!candidateOf || !pageTarget(event)) return;
    event.preventDefault();
    event.stopPropagation();
  };
  const onClick = (event: Event) => {
    const target = pageTarget(event);
    if (!candidateOf || !target) return;
    event.preventDefault();
    event.stopPropagation();
    const picked = candidateOf(target);
    if (picked) events.onPick(picked);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      return events.onCancel();
    }
    if (!candidateOf || !pageTarget(event) || event.altKey || event.ctrlKey || event.metaKey) return;
    const actions: Record<string, () => void> = {
      Enter: () => current && events.onPick(current),
      ' ': () => current && events.onPick(current),
      ArrowUp: () => move(current?.parentElement),
      ArrowDown: () => move(narrower()),
      ArrowLeft: () => move(alike(-1)),
      ArrowRight: () => move(alike(1)),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  const options = { capture: true };
  view?.addEventListener('pointermove', onPointerMove, { capture: true, passive: true });
  view?.addEventListener('focusin', onFocus, options);
  view?.addEventListener('click', onClick, options);
  view?.addEventListener('keydown', onKey, options);
  for (const type of SWALLOWED) view?.addEventListener(type, swallow, options);

  return {
    setMode(next) {
      candidateOf = next;
      origin = undefined;
      current = undefined;
      events.onCandidate(undefined, false);
    },
    stop() {
      view?.removeEventListener('pointermove', onPointerMove, options);
      view?.removeEventListener('focusin', onFocus, options);
      view?.removeEventListener('click', onClick, options);
      view?.removeEventListener('keydown', onKey, options);
      for (const type of SWALLOWED) view?.removeEventListener(type, swallow, options);
    },
  };
}
