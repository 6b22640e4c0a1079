import type { z } from 'zod/mini';
import type { RueckenwindDb } from '../db/database';
import { fail, ok, type Result } from '../messages/result';
import { wakeItemsWaitingFor } from '../sync/token-transport';
import type { Auth } from './accounts';
import type {
  AccountReplies,
  ConnectAccountSchema,
  DisconnectAccountSchema,
  ListAccountsSchema,
} from './ui-messages';

type Handler<S extends z.ZodMiniType, K extends keyof AccountReplies> = (
  message: z.infer<S>,
) => Promise<Result<AccountReplies[K]>>;

const storage = (error: unknown) =>
  fail('errorStorage', error instanceof Error ? error.message : String(error));

/** The background's side of "Connect account": only here do tokens get made, kept and dropped. */
export function createAccountHandlers(
  db: RueckenwindDb,
  auth: () => Auth,
  /** Drains the outbox. */
  queued: () => void,
): {
  'account.list': Handler<typeof ListAccountsSchema, 'account.list'>;
  'account.connect': Handler<typeof ConnectAccountSchema, 'account.connect'>;
  'account.disconnect': Handler<typeof DisconnectAccountSchema, 'account.disconnect'>;
} {
  const viewOf = async (host: z.infer<typeof DisconnectAccountSchema>['host']) => {
    const view = (await auth().views()).find((candidate) => candidate.host === host);
    if (!view) throw new Error(`no account view for ${host}`);
    return view;
  };
  return {
    'account.list': async () => {
      try {
        return ok({ accounts: await auth().views() });
      } catch (error) {
        return storage(error);
      }
    },
    'account.connect': async (message) => {
      try {
        const result = await auth().connect(message.host, {
          clientId: message.clientId,
          tenant: message.tenant,
        });
        if (!result.ok) return fail(result.reason, result.detail);
        // Items that waited for the account go out at once.
        await wakeItemsWaitingFor(db, message.host, Date.now());
        queued();
        return ok(result.view);
      } catch (error) {
        return storage(error);
      }
    },
    'account.disconnect': async (message) => {
      try {
        await auth().disconnect(message.host);
        return ok(await viewOf(message.host));
      } catch (error) {
        return storage(error);
      }
    },
  };
}
