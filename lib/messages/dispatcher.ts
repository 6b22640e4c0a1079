import type { Intranet } from '../db/schemas';
import {
  type ContentReplies,
  type ContentToBackground,
  ContentToBackgroundSchema,
} from './content-to-background';
import { fail, type Result } from './result';
import { type UiReplies, type UiToBackground, UiToBackgroundSchema } from './ui-to-background';

/** The parts of `runtime.MessageSender` the checks rely on. */
export type MessageSender = {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined; url?: string | undefined } | undefined;
};

/** Where a content-script message came from, established by the dispatcher, never by the message. */
export type ContentContext = { origin: string; intranet: Intranet; tabId: number | undefined };

type ContentHandlers = {
  [K in ContentToBackground['type']]: (
    message: Extract<ContentToBackground, { type: K }>,
    context: ContentContext,
  ) => Promise<Result<ContentReplies[K]>>;
};
type UiHandlers = {
  [K in UiToBackground['type']]: (
    message: Extract<UiToBackground, { type: K }>,
  ) => Promise<Result<UiReplies[K]>>;
};

export type DispatcherDeps = {
  extensionId: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`, without a trailing slash. */
  extensionOrigin: string;
  findEnabledIntranet: (url: string) => Promise<Intranet | undefined>;
  content: ContentHandlers;
  ui: UiHandlers;
};

function webOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Origins a content message claims to act for; each must be the sender's own. */
function claimedOrigins(message: ContentToBackground): string[] {
  switch (message.type) {
    case 'recognition.save':
      return [message.post.origin];
    case 'wolPost.save':
      return message.linkedPost ? [message.origin, message.linkedPost.origin] : [message.origin];
    case 'page.hello':
    case 'recognition.retry':
    case 'posts.status':
      return [message.origin];
  }
}

/**
 * The background's single entry point for messages. Which handler runs is decided by the message's
 * validated type; whether it may run is decided by who sent it: UI messages only from extension pages,
 * content messages only from a tab on an enabled intranet, acting for that tab's own origin.
 */
export async function dispatch(
  raw: unknown,
  sender: MessageSender,
  deps: DispatcherDeps,
): Promise<Result<unknown>> {
  if (sender.id !== deps.extensionId) return fail('errorWrongSender', 'foreign extension');
  const fromExtensionPage = sender.url?.startsWith(`${deps.extensionOrigin}/`) === true;

  const ui = UiToBackgroundSchema.safeParse(raw);
  if (ui.success) {
    if (!fromExtensionPage) return fail('errorWrongSender', 'UI message from outside the extension');
    return runUi(ui.data, deps.ui);
  }

  const content = ContentToBackgroundSchema.safeParse(raw);
  if (!content.success) return fail('errorInvalidMessage');
  if (fromExtensionPage || !sender.tab) return fail('errorWrongSender', 'content message not from a tab');
  const origin = webOrigin(sender.url);
  if (!origin || !sender.url) return fail('errorWrongSender', 'content message from a non-web page');
  const intranet = await deps.findEnabledIntranet(sender.url);
  if (!intranet) return fail('errorNotEnabled', origin);
  if (claimedOrigins(content.data).some((claimed) => claimed !== origin)) {
    return fail('errorWrongSender', 'message claims another origin');
  }
  return runContent(content.data, { origin, intranet, tabId: sender.tab.id }, deps.content);
}

function runUi(message: UiToBackground, handlers: UiHandlers): Promise<Result<unknown>> {
  switch (message.type) {
    case 'intranet.add':
      return handlers['intranet.add'](message);
    case 'intranet.remove':
      return handlers['intranet.remove'](message);
    case 'intranet.setEnabled':
      return handlers['intranet.setEnabled'](message);
    case 'recognition.delete':
      return handlers['recognition.delete'](message);
    case 'settings.update':
      return handlers['settings.update'](message);
  }
}

function runContent(
  message: ContentToBackground,
  context: ContentContext,
  handlers: ContentHandlers,
): Promise<Result<unknown>> {
  switch (message.type) {
    case 'page.hello':
      return handlers['page.hello'](message, context);
    case 'recognition.save':
      return handlers['recognition.save'](message, context);
    case 'wolPost.save':
      return handlers['wolPost.save'](message, context);
    case 'recognition.retry':
      return handlers['recognition.retry'](message, context);
    case 'posts.status':
      return handlers['posts.status'](message, context);
  }
}
