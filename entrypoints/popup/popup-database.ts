import type { RueckenwindDb } from '../../lib/db/database';

let opening: Promise<RueckenwindDb> | undefined;

/**
 * Dexie, loaded on first need: the first frame reads without it (lib/streak/read-first-frame.ts).
 * Reading is allowed outside the background; writing never is.
 */
export function popupDatabase(): Promise<RueckenwindDb> {
  opening ??= import('../../lib/db/database').then(({ openDatabase }) => openDatabase());
  return opening;
}
