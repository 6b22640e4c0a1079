import { z } from 'zod/mini';

/**
 * Content → background: the user's groups or channels on the sender's intranet, for the work-out-loud
 * composer's target field. The background answers for the host of the sender's enabled intranet.
 */
export const ListTargetsSchema = z.object({ type: z.literal('targets.list'), origin: z.string() });
export type ListTargets = z.infer<typeof ListTargetsSchema>;
