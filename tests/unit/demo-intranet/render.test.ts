// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, initialsOf, paragraphsOf } from '../../../demo-intranet/render.mjs';

describe('escapeHtml', () => {
  it('escapes every character that can start markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
    expect(escapeHtml('Grüße, 你好 🎉')).toBe('Grüße, 你好 🎉');
  });
});

describe('html', () => {
  it('escapes interpolated text, numbers and arrays, but not nested html', () => {
    const title = '"><script>alert(1)</script>';
    const items = ['<b>', 'x & y'];
    const result = html`<p title="${title}">${items.map((item) => html`<i>${item}</i>`)}${7}${'<br>'}</p>`;
    expect(result.toString()).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"><i>&lt;b&gt;</i><i>x &amp; y</i>7&lt;br&gt;</p>',
    );
  });
});

describe('initialsOf', () => {
  it.each([
    ['Anna Schmidt', 'AS'],
    ['Fatma Yılmaz', 'FY'],
    ['Hans-Peter von Berg', 'HB'],
    ['Priya', 'P'],
    ['  Émile   Zola ', 'ÉZ'],
  ])('%s → %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});

describe('paragraphsOf', () => {
  it('splits on blank lines and keeps single line breaks inside a paragraph', () => {
    expect(paragraphsOf('Eins\nzwei\n\n  Drei \r\n\r\n\n\nVier')).toEqual(['Eins\nzwei', 'Drei', 'Vier']);
  });
});
