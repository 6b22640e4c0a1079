import { describe, expect, it } from 'vitest';
import { luminance, readHostScheme } from '../../../lib/inject/host-look';

function actionRow(style: string): HTMLElement {
  const footer = document.createElement('footer');
  footer.setAttribute('style', style);
  document.body.append(footer);
  return footer;
}

describe("following the host's theme", () => {
  it('sees a light theme in dark text', () => {
    expect(readHostScheme(actionRow('color: rgb(30, 40, 50)'))).toBe('light');
  });

  it('sees a dark theme in light text, whatever the system prefers', () => {
    expect(readHostScheme(actionRow('color: rgb(230, 237, 243)'))).toBe('dark');
  });

  it('computes WCAG luminance for rgb colours and ignores anything else', () => {
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminance('rgba(0, 0, 0, 0.5)')).toBeCloseTo(0);
    expect(luminance('rgb(255 0 0)')).toBeCloseTo(0.2126);
    expect(luminance('red')).toBeUndefined();
  });
});
