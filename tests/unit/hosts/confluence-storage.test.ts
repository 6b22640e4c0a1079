import { describe, expect, it } from 'vitest';
import { storageOf, wordsOf } from '../../../lib/hosts/confluence/storage';
import { isWellFormedStorage } from '../../contract/confluence/storage-check.mjs';

describe('Confluence storage format', () => {
  it('keeps names and symbols as text, paragraphs as paragraphs and line breaks as breaks', () => {
    const text = 'Thank you, <b>Eve</b> & "Tom"!\n\nDanke für alles\nbis bald\n\n#thanks';
    const value = storageOf(text);
    expect(value).toBe(
      '<p>Thank you, &#60;b&#62;Eve&#60;/b&#62; &#38; &#34;Tom&#34;!</p><p>Danke für alles<br />bis bald</p><p>#thanks</p>',
    );
    expect(isWellFormedStorage(value)).toBe(true);
    expect(wordsOf(value)).toBe('Thank you, <b>Eve</b> & "Tom"! Danke für alles bis bald #thanks');
  });
});
