import { type TaughtSelectors, TaughtSelectorsSchema } from '../db/schemas';
import type { MessageKey } from '../i18n/t';
import { isSelector } from './features';

export type SelectorKey = keyof TaughtSelectors;
export type SelectorErrors = Partial<Record<SelectorKey, MessageKey>>;

const REQUIRED: ReadonlySet<SelectorKey> = new Set(['post', 'author']);
const DOCUMENT_WIDE: ReadonlySet<SelectorKey> = new Set(['post', 'currentUser', 'postIdAttribute']);

/**
 * Checks selectors edited by hand (options page). Without a page to try them on, only their syntax
 * can be checked: each must parse as CSS, those read inside a post must start with `:scope`, and the
 * post id is an attribute name. Empty optional fields are dropped.
 */
export function validateSelectors(
  fields: Partial<Record<SelectorKey, string>>,
  doc: Document,
): { selectors: TaughtSelectors } | { errors: SelectorErrors } {
  const errors: SelectorErrors = {};
  const values: Partial<Record<SelectorKey, string>> = {};
  for (const [key, raw] of Object.entries(fields) as Array<[SelectorKey, string | undefined]>) {
    const value = raw?.trim() ?? '';
    if (!value) {
      if (REQUIRED.has(key)) errors[key] = 'optionsSelectorRequired';
      continue;
    }
    values[key] = value;
    if (key === 'postIdAttribute') {
      if (!/^[a-z][a-z_-]{0,60}$/.test(value)) errors[key] = 'optionsAttributeInvalid';
    } else if (!DOCUMENT_WIDE.has(key) && !value.startsWith(':scope')) errors[key] = 'optionsSelectorScope';
    else if (!isSelector(value, doc)) errors[key] = 'optionsSelectorInvalid';
  }
  if (Object.keys(errors).length > 0) return { errors };
  const parsed = TaughtSelectorsSchema.safeParse(values);
  if (parsed.success) return { selectors: parsed.data };
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && key in fields) errors[key as SelectorKey] = 'optionsSelectorInvalid';
  }
  return { errors };
}
