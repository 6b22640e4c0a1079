/** The WOL goal for the 12 weeks is written in under 25 words. */
export const GOAL_WORD_LIMIT = 25;

/** Words as a reader counts them: runs of letters or digits; a dash or emoji alone is no word. */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

export function isGoalShortEnough(text: string): boolean {
  return countWords(text) < GOAL_WORD_LIMIT;
}
