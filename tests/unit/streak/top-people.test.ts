// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { peopleThankedMost } from '../../../lib/streak/top-people';

describe('peopleThankedMost', () => {
  it('counts every recipient of a thank-you once and knows a person by id, else by name', () => {
    const top = peopleThankedMost(
      [
        { to: [{ name: 'Jonas Wagner', id: 'jw' }, { name: 'Lea Schäfer' }], createdAt: 1 },
        { to: [{ name: 'J. Wagner', id: 'jw' }], createdAt: 2 },
        { to: [{ name: 'lea schäfer' }], createdAt: 3 },
        { to: [{ name: 'Anna Becker' }], createdAt: 4 },
      ],
      5,
    );
    expect(top).toEqual([
      // Ties go to whoever was thanked last, under the name of the latest thank-you.
      { person: { name: 'lea schäfer' }, thanks: 2 },
      { person: { name: 'J. Wagner', id: 'jw' }, thanks: 2 },
      { person: { name: 'Anna Becker' }, thanks: 1 },
    ]);
  });

  it('returns at most the number asked for', () => {
    const given = Array.from({ length: 10 }, (_, i) => ({ to: [{ name: `Person ${i}` }], createdAt: i }));
    expect(peopleThankedMost(given, 3)).toHaveLength(3);
  });
});
