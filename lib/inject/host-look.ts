/**
 * How the host's own actions look next to where our buttons go, so ours can match: font, text colour,
 * corner radius, and whether the host is dark. Read once per page (reading computed styles for every
 * post would force a style recalculation per post).
 */
export type HostLook = {
  fontFamily: string;
  fontSize: string;
  color: string;
  radius: string;
  scheme: 'light' | 'dark';
};

const ACTION = 'button, a[href], [role="button"]';

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

export function readHostLook(near: Element): HostLook | undefined {
  const view = near.ownerDocument.defaultView;
  const sample = near.querySelector(ACTION) ?? near;
  if (!view) return undefined;
  const style = view.getComputedStyle(sample);
  const light = luminance(style.color);
  return {
    fontFamily: style.fontFamily,
    fontSize: style.fontSize,
    color: style.color,
    radius: style.borderRadius,
    // Light text means a dark theme, whatever the operating system prefers.
    scheme: light !== undefined && light > 0.45 ? 'dark' : 'light',
  };
}

/** Hands the look to our closed shadow root through inherited custom properties. */
export function applyHostLook(host: HTMLElement, look: HostLook): void {
  host.style.setProperty('--rw-font-family', look.fontFamily);
  host.style.setProperty('--rw-font-size', look.fontSize);
  host.style.setProperty('--rw-color', look.color);
  host.style.setProperty('--rw-radius', look.radius);
  host.dataset.scheme = look.scheme;
}
