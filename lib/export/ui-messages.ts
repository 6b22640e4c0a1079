/**
 * The options page's data messages to the background (joined into lib/messages/ui-to-background.ts):
 * restoring a backup and deleting everything. Exporting needs no message: pages may read.
 */
import { z } from 'zod/mini';
import { BackupSchema } from './backup-schema';

export const ImportBackupSchema = z.object({ type: z.literal('data.import'), backup: BackupSchema });
export const DeleteAllDataSchema = z.object({ type: z.literal('data.deleteAll') });

export const DATA_MESSAGES = [ImportBackupSchema, DeleteAllDataSchema] as const;

const ImportedSchema = z.object({ imported: z.int().check(z.minimum(0)) });
const DeletedSchema = z.object({ deleted: z.literal(true) });

export type DataReplies = {
  'data.import': z.infer<typeof ImportedSchema>;
  'data.deleteAll': z.infer<typeof DeletedSchema>;
};

export const DATA_REPLY_SCHEMAS = {
  'data.import': ImportedSchema,
  'data.deleteAll': DeletedSchema,
} satisfies { [K in keyof DataReplies]: z.ZodMiniType<DataReplies[K]> };
