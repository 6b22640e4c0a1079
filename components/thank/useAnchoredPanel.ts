import { useLayoutEffect, useRef } from 'preact/hooks';
import { showAnchoredPopover } from '../../lib/inject/anchor-popover';

/** Shows a composer panel next to the button that opened it and focuses its first field. */
export function useAnchoredPanel<Field extends HTMLElement>(anchor: HTMLElement | null) {
  const panelRef = useRef<HTMLDivElement>(null);
  const firstFieldRef = useRef<Field>(null);
  // Layout effect: placed and focused before the next paint, so no keystroke lands in the page meanwhile.
  useLayoutEffect(() => {
    const panel = panelRef.current;
    const hide = panel && anchor ? showAnchoredPopover(panel, anchor) : undefined;
    firstFieldRef.current?.focus();
    return hide;
  }, [anchor]);
  return { panelRef, firstFieldRef };
}

/** Escape anywhere in a composer cancels it; the host page never sees that key press. */
export function escapeCancels(onCancel: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onCancel();
  };
}
