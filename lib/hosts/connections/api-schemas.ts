import { z } from 'zod/mini';

/**
 * The parts of Connections' OpenSocial answers the page API reads (microblog entries and the profile).
 * Ids are URNs (`urn:lsid:lconn.ibm.com:profiles.comment:<uuid>`); `entryIdOf` takes their last part.
 */
export const EntrySchema = z.object({
  id: z.string(),
  content: z.string(),
  published: z.string(),
  author: z.object({ id: z.string() }),
});

export const CreatedSchema = z.object({ entry: EntrySchema });

/** OpenSocial collections: `{ startIndex, totalResults, itemsPerPage, list }`. */
export const CollectionSchema = z.object({ list: z.array(EntrySchema) });

export const ProfileSchema = z.object({ entry: z.object({ id: z.string() }) });

/** OpenSocial errors: `{ error: { code, message } }`. */
export const ErrorSchema = z.object({ error: z.object({ message: z.string() }) });
