/**
 * Whether the host shows a light or a dark theme where our buttons go, so they stay legible and look at
 * home. Only the scheme is taken over: copying the host's fonts or colours would let any page restyle
 * our UI, which it must not. Read once per page (a computed-style read per post would force a style
 * recalculation per post).
 */
export type HostScheme = 'light' | 'dark';

/** Relative luminance (WCAG) of an `rgb()`/`rgba()` colour, or undefined for anything else. */
export function luminance(color: string): number | undefined {
  const match = color.match(/^rgba?\((\d+(?:\.\d+)?),?\s*(\d+(?:\.\d+)?),?\s*(\d+(?:\.\d+)?)/);
  if (!match) return undefined;
  const [r, g, b] = match.slice(1, 4).map((part) => {
    const c = Number(part) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** Light text where our buttons go means a dark theme, whatever the operating system prefers. */
export function readHostScheme(near: Element): HostScheme | undefined {
  const view = near.ownerDocument.defaultView;
  if (!view) return undefined;
  const light = luminance(view.getComputedStyle(near).color);
  if (light === undefined) return undefined;
  return light > 0.45 ? 'dark' : 'light';
}
