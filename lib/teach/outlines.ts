export type OutlineKind = 'candidate' | 'post' | 'author' | 'me' | 'match';

/** More boxes than this would slow the page down; the panel gives the exact count anyway. */
const MAX_BOXES = 200;

export type Outlines = {
  /** Outlines these elements (replacing the kind's previous ones), each labelled when a label is given. */
  show: (kind: OutlineKind, elements: readonly Element[], label?: string) => void;
  clear: () => void;
  stop: () => void;
};

/**
 * Boxes drawn over page elements in our own layer: the page's elements are never touched, so nothing
 * of the host's styling or layout changes while the user teaches. They follow scrolling and resizing.
 */
export function createOutlines(layer: HTMLElement): Outlines {
  const doc = layer.ownerDocument;
  const view = doc.defaultView;
  const shown = new Map<OutlineKind, { elements: readonly Element[]; label: string | undefined }>();
  const boxes = new Map<OutlineKind, HTMLElement[]>();
  let frame: number | undefined;

  const boxFor = (kind: OutlineKind, index: number, label: string | undefined) => {
    const list = boxes.get(kind) ?? [];
    boxes.set(kind, list);
    let box = list[index];
    if (!box) {
      box = doc.createElement('div');
      box.className = `outline outline-${kind}`;
      box.setAttribute('aria-hidden', 'true');
      layer.append(box);
      list[index] = box;
    }
    if (label) {
      const tag = box.firstElementChild ?? box.appendChild(doc.createElement('span'));
      tag.className = 'label';
      tag.textContent = label;
    } else box.firstElementChild?.remove();
    return box;
  };

  const draw = () => {
    frame = undefined;
    for (const [kind, list] of boxes) {
      const elements = shown.get(kind)?.elements ?? [];
      list.forEach((box, index) => {
        const el = elements[index];
        const rect = el?.isConnected ? el.getBoundingClientRect() : undefined;
        box.hidden = !rect || (rect.width === 0 && rect.height === 0);
        if (!rect || box.hidden) return;
        box.style.setProperty('top', `${rect.top}px`);
        box.style.setProperty('left', `${rect.left}px`);
        box.style.setProperty('width', `${rect.width}px`);
        box.style.setProperty('height', `${rect.height}px`);
        // At the top of the window a label above the box would be cut off: it goes inside.
        box.classList.toggle('label-inside', rect.top < 20);
      });
    }
  };
  const schedule = () => {
    if (frame === undefined && view) frame = view.requestAnimationFrame(draw);
  };

  view?.addEventListener('scroll', schedule, { capture: true, passive: true });
  view?.addEventListener('resize', schedule, { passive: true });
  return {
    show(kind, elements, label) {
      const capped = elements.slice(0, MAX_BOXES);
      shown.set(kind, { elements: capped, label });
      for (let index = 0; index < capped.length; index++) boxFor(kind, index, label);
      schedule();
    },
    clear() {
      shown.clear();
      schedule();
    },
    stop() {
      view?.removeEventListener('scroll', schedule, { capture: true });
      view?.removeEventListener('resize', schedule);
      if (frame !== undefined) view?.cancelAnimationFrame(frame);
      layer.replaceChildren();
    },
  };
}
