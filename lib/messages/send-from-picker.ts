import {
  TeachDoneSchema,
  TeachHelloReplySchema,
  type TeachReplies,
  type TeachToBackground,
} from './content-to-background';
import type { Result } from './result';
import { send } from './send';

const teachReplySchemas = {
  'teach.hello': TeachHelloReplySchema,
  'teach.save': TeachDoneSchema,
  'teach.cancel': TeachDoneSchema,
};

/** Sends a message from the picker that teaches Rückenwind a site (teach-site.js only). */
export function sendFromPicker<M extends TeachToBackground>(
  message: M,
): Promise<Result<TeachReplies[M['type']]>> {
  return send(message, teachReplySchemas[message.type]);
}
