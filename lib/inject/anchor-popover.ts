const GAP = 6;
const MARGIN = 8;

/**
 * Shows `panel` (a `popover="manual"` element) in the top layer next to `anchor` and keeps it there
 * while the page scrolls or resizes. The top layer escapes the host's `overflow: hidden` and z-index
 * stacking, and a panel out of the flow shifts none of the host's layout. Returns the teardown.
 */
export function showAnchoredPopover(panel: HTMLElement, anchor: HTMLElement): () => void {
  const view = panel.ownerDocument.defaultView;
  if (!view) return () => undefined;
  const place = () => {
    const a = anchor.getBoundingClientRect();
    const width = panel.offsetWidth;
    const height = panel.offsetHeight;
    const below = a.bottom + GAP;
    const above = a.top - GAP - height;
    const preferred = below + height > view.innerHeight - MARGIN && above > MARGIN ? above : below;
    // Never leave the viewport: a panel that followed its post off-screen could not be used.
    const top = Math.min(Math.max(MARGIN, preferred), Math.max(MARGIN, view.innerHeight - height - MARGIN));
    const left = Math.min(Math.max(MARGIN, a.left), Math.max(MARGIN, view.innerWidth - width - MARGIN));
    panel.style.setProperty('top', `${Math.round(top)}px`);
    panel.style.setProperty('left', `${Math.round(left)}px`);
  };
  panel.showPopover();
  place();
  const resize = new ResizeObserver(place);
  resize.observe(panel);
  view.addEventListener('scroll', place, { capture: true, passive: true });
  view.addEventListener('resize', place, { passive: true });
  return () => {
    resize.disconnect();
    view.removeEventListener('scroll', place, { capture: true });
    view.removeEventListener('resize', place);
    if (panel.isConnected && panel.matches(':popover-open')) panel.hidePopover();
  };
}
