/**
 * Starts reading what the popup's first frame shows as soon as the popup's code is evaluated, before
 * the rest of it (main.tsx imports this first): the read then runs in the browser while the popup sets
 * itself up.
 */
import { dayKeyOf } from '../../lib/db/day-key';
import { firstDayShown, readStoredFirstFrame } from '../../lib/streak/read-first-frame';

/** The day the popup is about, read once: the read and the rendering must agree on it. */
export const firstFrameToday = dayKeyOf(Date.now());
export const firstFrameReading = readStoredFirstFrame(firstDayShown(firstFrameToday));
