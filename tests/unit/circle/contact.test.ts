// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contactHint, lastContributionAt } from '../../../lib/circle/contact';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 4, 20, 12);

describe('contact hints on the relationship list', () => {
  it('say nothing while the last contribution is less than three weeks old', () => {
    const relationship = {
      createdAt: NOW - 60 * DAY,
      contributions: [{ at: NOW - 20 * DAY, kind: 'thanks' as const }],
    };
    expect(contactHint(relationship, NOW)).toBeUndefined();
  });

  it('say "not contacted for N weeks" from the latest contribution, whatever the order', () => {
    const relationship = {
      createdAt: NOW - 90 * DAY,
      contributions: [
        { at: NOW - 22 * DAY, kind: 'help' as const },
        { at: NOW - 50 * DAY, kind: 'thanks' as const },
      ],
    };
    expect(lastContributionAt(relationship)).toBe(NOW - 22 * DAY);
    expect(contactHint(relationship, NOW)).toEqual({ kind: 'stale', weeks: 3 });
  });

  it('point out people who have had no contribution since they were added three weeks ago', () => {
    expect(contactHint({ createdAt: NOW - 10 * DAY, contributions: [] }, NOW)).toBeUndefined();
    expect(contactHint({ createdAt: NOW - 35 * DAY, contributions: [] }, NOW)).toEqual({
      kind: 'never',
      weeks: 5,
    });
  });
});
