import { describe, expect, it } from 'vitest';
import { applyHostLook, luminance, readHostLook } from '../../../lib/inject/host-look';

function footerWithAction(style: string): HTMLElement {
  const footer = document.createElement('footer');
  const like = document.createElement('button');
  like.textContent = 'Gefällt mir';
  like.setAttribute('style', style);
  footer.append(like);
  document.body.append(footer);
  return footer;
}

describe("matching the host's own actions", () => {
  it('takes font, colour and corner radius from the action next to our buttons', () => {
    const look = readHostLook(
      footerWithAction('font-family: Georgia; font-size: 15px; color: rgb(30, 40, 50); border-radius: 3px'),
    );
    expect(look).toMatchObject({
      fontFamily: 'Georgia',
      fontSize: '15px',
      color: 'rgb(30, 40, 50)',
      radius: '3px',
    });
    expect(look?.scheme).toBe('light');
  });

  it('recognises a dark host theme by its light text, whatever the system prefers', () => {
    expect(readHostLook(footerWithAction('color: rgb(230, 237, 243)'))?.scheme).toBe('dark');
  });

  it('hands the look to the shadow host as custom properties and a scheme attribute', () => {
    const host = document.createElement('rueckenwind-post-actions');
    applyHostLook(host, {
      fontFamily: 'Georgia',
      fontSize: '15px',
      color: 'rgb(1, 2, 3)',
      radius: '3px',
      scheme: 'dark',
    });
    expect(host.style.getPropertyValue('--rw-font-family')).toBe('Georgia');
    expect(host.style.getPropertyValue('--rw-color')).toBe('rgb(1, 2, 3)');
    expect(host.dataset.scheme).toBe('dark');
  });

  it('computes WCAG luminance for rgb colours and ignores anything else', () => {
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminance('rgba(0, 0, 0, 0.5)')).toBeCloseTo(0);
    expect(luminance('rgb(255 0 0)')).toBeCloseTo(0.2126);
    expect(luminance('red')).toBeUndefined();
  });
});
