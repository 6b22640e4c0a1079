import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { HostIdSchema } from '../db/schemas';
import { HostSendStateSchema } from './rate-limit';

/** Each host's rate-limit state (lib/sync/rate-limit.ts). */
export const SendStatesSchema = z.partialRecord(HostIdSchema, HostSendStateSchema);
export type SendStates = z.infer<typeof SendStatesSchema>;

export type SendStateStore = {
  load: () => Promise<SendStates>;
  save: (states: SendStates) => Promise<void>;
};

const KEY = 'sync.sendStates';

/**
 * Kept in `storage.session`: it outlives a service-worker restart (a restarted worker must not send a
 * fresh burst), it is gone with the browser session, as are the windows it describes, and content
 * scripts cannot read it.
 */
export const sessionSendStates: SendStateStore = {
  async load() {
    const stored = await browser.storage.session.get(KEY);
    const parsed = SendStatesSchema.safeParse(stored[KEY]);
    return parsed.success ? parsed.data : {};
  },
  async save(states) {
    await browser.storage.session.set({ [KEY]: states });
  },
};
