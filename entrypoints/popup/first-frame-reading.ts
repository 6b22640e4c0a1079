/**
 * Starts reading what the popup's first frame shows as soon as the popup's code is evaluated, before
 * the rest of it (main.tsx imports this first): the read then runs in the browser while the popup sets
 * itself up.
 */
import { readStoredFirstFrame } from '../../lib/streak/read-first-frame';

export const firstFrameReading = readStoredFirstFrame();
