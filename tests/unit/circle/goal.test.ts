// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { countWords, isGoalShortEnough } from '../../../lib/circle/goal';

describe('the goal word count', () => {
  it('counts words as a reader does, ignoring dashes, emoji and extra spaces', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   ')).toBe(0);
    expect(countWords('Ein Onboarding-Handbuch – für  neue Kolleg:innen 🎉')).toBe(5);
    expect(countWords('Learn data science in 12 weeks.')).toBe(6);
  });

  it('accepts 24 words and asks for fewer at 25', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `Wort${i}`).join(' ');
    expect(isGoalShortEnough(words(24))).toBe(true);
    expect(isGoalShortEnough(words(25))).toBe(false);
  });
});
