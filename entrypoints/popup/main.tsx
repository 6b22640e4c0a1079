/**
 * The popup's entry: starts reading what the first frame shows, then loads the popup itself. Both take
 * tens of milliseconds, so they run side by side; this module imports nothing else for that reason.
 */
import { readStoredFirstFrame } from '../../lib/streak/read-first-frame';

const stored = readStoredFirstFrame();
void import('./popup-app').then(({ showPopup }) => showPopup(stored));
