import { z } from 'zod/mini';
import { OriginSchema } from '../db/schemas';
import { type TargetList, TargetListSchema } from './target';

/**
 * Extension page → background: the user's groups or channels on the intranet at `origin` (the circle
 * form's "circle's group, space or channel").
 */
export const ListTargetsForSchema = z.object({ type: z.literal('targets.listFor'), origin: OriginSchema });

export const TARGET_MESSAGES = [ListTargetsForSchema] as const;

export type TargetReplies = { 'targets.listFor': TargetList };

export const TARGET_REPLY_SCHEMAS = { 'targets.listFor': TargetListSchema };
