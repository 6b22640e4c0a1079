/**
 * Hints on the relationship list: who has gone a while without a contribution. A week without one is
 * normal; three are worth a nudge ("work the list every week").
 */
import type { Relationship } from '../db/schemas';

export const STALE_AFTER_WEEKS = 3;
const WEEK_MS = 7 * 86_400_000;

export type ContactHint = { kind: 'never'; weeks: number } | { kind: 'stale'; weeks: number };

/** The time of the latest contribution to the person, if any. */
export function lastContributionAt(relationship: Pick<Relationship, 'contributions'>): number | undefined {
  let latest: number | undefined;
  for (const contribution of relationship.contributions) {
    if (latest === undefined || contribution.at > latest) latest = contribution.at;
  }
  return latest;
}

/**
 * "Not contacted for N weeks" once the last contribution (or, with none yet, the day the person was
 * added) lies STALE_AFTER_WEEKS or more in the past; nothing otherwise.
 */
export function contactHint(
  relationship: Pick<Relationship, 'contributions' | 'createdAt'>,
  now: number,
): ContactHint | undefined {
  const last = lastContributionAt(relationship);
  const weeks = Math.floor((now - (last ?? relationship.createdAt)) / WEEK_MS);
  if (weeks < STALE_AFTER_WEEKS) return undefined;
  return last === undefined ? { kind: 'never', weeks } : { kind: 'stale', weeks };
}
