import { describe, expect, it } from 'vitest';
import { hashtagOf } from '../../../lib/compose/hashtag';

describe('a value as a hashtag', () => {
  it.each([
    ['Sharing knowledge', '#SharingKnowledge'],
    ['Wissen teilen', '#WissenTeilen'],
    ['Über den Tellerrand', '#ÜberDenTellerrand'],
    ['Team-Spirit & Mut!', '#TeamSpiritMut'],
    ['  24/7 support ', '#247Support'],
  ])('%s → %s', (value, tag) => {
    expect(hashtagOf(value)).toBe(tag);
  });
});
