import type { Intranet, TeachSession } from '../db/schemas';
import {
  type ContentReplies,
  type ContentToBackground,
  ContentToBackgroundSchema,
  type TeachReplies,
  type TeachToBackground,
  TeachToBackgroundSchema,
} from './content-to-background';
import { fail, type Result } from './result';
import { type UiReplies, type UiToBackground, UiToBackgroundSchema } from './ui-to-background';

/** The parts of `runtime.MessageSender` the checks rely on. */
export type MessageSender = {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined; url?: string | undefined } | undefined;
  frameId?: number | undefined;
};

/** Where a content-script message came from, established by the dispatcher, never by the message. */
export type ContentContext = {
  origin: string;
  intranet: Intranet;
  tabId: number | undefined;
  frameId?: number | undefined;
};

type ContentHandlers = {
  [K in ContentToBackground['type']]: (
    message: Extract<ContentToBackground, { type: K }>,
    context: ContentContext,
  ) => Promise<Result<ContentReplies[K]>>;
};
/** Where a picker message came from: the tab of a live teach session, and its origin. */
export type TeachContext = { origin: string; tabId: number };

type TeachHandlers = {
  [K in TeachToBackground['type']]: (
    message: Extract<TeachToBackground, { type: K }>,
    context: TeachContext,
  ) => Promise<Result<TeachReplies[K]>>;
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
  /** The tab's teach session, if one is open and has not expired. */
  findTeachSession: (tabId: number) => Promise<TeachSession | undefined>;
  content: ContentHandlers;
  teach: TeachHandlers;
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
    case 'replies.found':
      return [message.origin, ...message.replies.flatMap((reply) => (reply.post ? [reply.post.origin] : []))];
    case 'page.hello':
    case 'recognition.retry':
    case 'wolPost.retry':
    case 'posts.status':
    case 'composers.load':
    case 'circle.page':
    case 'circle.addAuthor':
    case 'targets.list':
      return [message.origin];
  }
}

/**
 * The background's single entry point for messages. Which handler runs is decided by the message's
 * validated type; whether it may run is decided by who sent it: UI messages only from extension pages,
 * content messages only from a tab on an enabled intranet, acting for that tab's own origin, and the
 * teaching picker's messages only from the tab with a live teach session for that tab's origin.
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

  const teach = TeachToBackgroundSchema.safeParse(raw);
  if (teach.success) return dispatchTeach(teach.data, sender, fromExtensionPage, deps);

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
  return runContent(
    content.data,
    { origin, intranet, tabId: sender.tab.id, frameId: sender.frameId },
    deps.content,
  );
}

/**
 * The one exception to "content messages only from enabled intranets": the picker runs on a site that
 * is not enabled yet. It is let through only from the tab the user started teaching in (the session
 * records it, with an expiry), on the origin the session was opened for.
 */
async function dispatchTeach(
  message: TeachToBackground,
  sender: MessageSender,
  fromExtensionPage: boolean,
  deps: DispatcherDeps,
): Promise<Result<unknown>> {
  const tabId = sender.tab?.id;
  if (fromExtensionPage || tabId === undefined)
    return fail('errorWrongSender', 'picker message not from a tab');
  const origin = webOrigin(sender.url);
  if (!origin) return fail('errorWrongSender', 'picker message from a non-web page');
  const session = await deps.findTeachSession(tabId);
  if (session?.origin !== origin) return fail('errorWrongSender', 'no teach session for this tab and origin');
  if (message.origin !== origin) return fail('errorWrongSender', 'message claims another origin');
  const context = { origin, tabId };
  switch (message.type) {
    case 'teach.hello':
      return deps.teach['teach.hello'](message, context);
    case 'teach.save':
      return deps.teach['teach.save'](message, context);
    case 'teach.cancel':
      return deps.teach['teach.cancel'](message, context);
  }
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
    case 'wolPost.delete':
      return handlers['wolPost.delete'](message);
    case 'weeklyLog.delete':
      return handlers['weeklyLog.delete'](message);
    case 'settings.update':
      return handlers['settings.update'](message);
    case 'teach.start':
      return handlers['teach.start'](message);
    case 'teach.update':
      return handlers['teach.update'](message);
    case 'teach.forget':
      return handlers['teach.forget'](message);
    case 'circle.save':
      return handlers['circle.save'](message);
    case 'circle.delete':
      return handlers['circle.delete'](message);
    case 'relationship.save':
      return handlers['relationship.save'](message);
    case 'relationship.delete':
      return handlers['relationship.delete'](message);
    case 'relationship.contribute':
      return handlers['relationship.contribute'](message);
    case 'weeklyLog.save':
      return handlers['weeklyLog.save'](message);
    case 'data.import':
      return handlers['data.import'](message);
    case 'data.deleteAll':
      return handlers['data.deleteAll'](message);
    case 'account.list':
      return handlers['account.list'](message);
    case 'account.connect':
      return handlers['account.connect'](message);
    case 'account.disconnect':
      return handlers['account.disconnect'](message);
    case 'targets.listFor':
      return handlers['targets.listFor'](message);
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
    case 'wolPost.retry':
      return handlers['wolPost.retry'](message, context);
    case 'posts.status':
      return handlers['posts.status'](message, context);
    case 'replies.found':
      return handlers['replies.found'](message, context);
    case 'composers.load':
      return handlers['composers.load'](message, context);
    case 'circle.page':
      return handlers['circle.page'](message, context);
    case 'circle.addAuthor':
      return handlers['circle.addAuthor'](message, context);
    case 'targets.list':
      return handlers['targets.list'](message, context);
  }
}
