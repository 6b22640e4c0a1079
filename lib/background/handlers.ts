import { browser } from 'wxt/browser';
import { createAccountHandlers } from '../auth/handlers';
import { backgroundAuth } from '../auth/in-background';
import { addToNewestCircle } from '../circle/add-from-post';
import { recordThanksAsContributions } from '../circle/contributions';
import { createCircleHandlers } from '../circle/handlers';
import { answerCirclePage } from '../circle/page-handler';
import type { RueckenwindDb } from '../db/database';
import { dayKeyOf } from '../db/day-key';
import { findEnabledIntranet, thanksStateOfPosts, wolStateOfPosts } from '../db/reads';
import type { Recognition, WolPost } from '../db/schemas';
import { InvalidRecordError } from '../db/validate';
import { retryDelivery, saveRecognition, saveWolPost } from '../db/writes';
import { createDataHandlers } from '../export/handlers';
import { createHistoryHandlers } from '../history/handlers';
import { importReplies } from '../inbound/import-replies';
import { createScanSchedule } from '../inbound/scan-schedule';
import { injectComposers } from '../inject/inject-composers';
import { addIntranet, notifyTabs, removeIntranet, setIntranetOn } from '../intranets/manage';
import type { DispatcherDeps } from '../messages/dispatcher';
import { fail, ok } from '../messages/result';
import { readSettings, updateSettings } from '../settings/settings';
import { backgroundTargetLookup } from '../targets/in-background';
import type { TargetLookup } from '../targets/lookup';
import { createTeachHandlers } from '../teach/handlers';

type Clock = { now: () => number; newId: () => string };

const systemClock: Clock = { now: () => Date.now(), newId: () => crypto.randomUUID() };

function storageFailure(error: unknown) {
  return fail('errorStorage', error instanceof Error ? error.message : String(error));
}

/** The background's handlers, the only code that writes the database. */
export function createHandlers(
  db: RueckenwindDb,
  clock: Clock = systemClock,
  /** Called after something was queued for the intranet: the outbox drains at once. */
  queued: () => void = () => undefined,
  /** The groups and channels the user can post into (the worker passes one counted by the outbox). */
  listTargets: TargetLookup = backgroundTargetLookup(db),
): Pick<DispatcherDeps, 'content' | 'ui' | 'teach' | 'findEnabledIntranet' | 'findTeachSession'> {
  const teaching = createTeachHandlers(db, clock);
  const replyScans = createScanSchedule();
  return {
    findEnabledIntranet: (url) => findEnabledIntranet(db, url),
    findTeachSession: teaching.findTeachSession,
    teach: teaching.teach,
    content: {
      'page.hello': async (message, context) => {
        // A newly opened tab of an intranet may be what waiting items were waiting for.
        queued();
        try {
          const { values, addressForm, wolHashtag } = await readSettings(db);
          // The generic adapter is built from what the user taught for this site.
          const taught =
            context.intranet.host === 'generic'
              ? (await db.taughtSites.get(context.origin))?.selectors
              : undefined;
          // A script that can look for thanks received is told whether it is time to.
          const scan = message.scansFor && {
            scanReplies: replyScans.due(message.scansFor, context.origin, clock.now()),
          };
          return ok({ values, addressForm, wolHashtag, ...(taught ? { taught } : {}), ...scan });
        } catch (error) {
          return storageFailure(error);
        }
      },
      'recognition.save': async (message, context) => {
        const now = clock.now();
        const record: Recognition = {
          id: clock.newId(),
          direction: 'given',
          from: message.from,
          to: message.to,
          post: message.post,
          message: message.message,
          value: message.value,
          postedText: message.postedText,
          createdAt: now,
          day: dayKeyOf(now),
          sync: { state: 'pending', updatedAt: now },
        };
        try {
          await saveRecognition(db, record, { sync: true, now });
          queued();
        } catch (error) {
          return error instanceof InvalidRecordError ? fail('errorInvalidMessage') : storageFailure(error);
        }
        // The thank-you is saved either way; the relationship list only follows it.
        await recordThanksAsContributions(db, record).catch(() => undefined);
        void notifyTabs(
          context.origin,
          (tabOrigin) => ({
            type: 'post.thanked',
            origin: tabOrigin,
            postId: message.post.postId,
            state: 'pending',
          }),
          context.tabId,
        ).catch(() => undefined);
        return ok({ id: record.id, state: record.sync.state });
      },
      'wolPost.save': async (message, context) => {
        const now = clock.now();
        const record: WolPost = {
          id: clock.newId(),
          host: message.linkedPost?.host ?? context.intranet.host,
          origin: context.origin,
          text: message.text,
          template: message.template,
          target: message.target,
          linkedPost: message.linkedPost,
          createdAt: now,
          day: dayKeyOf(now),
          sync: { state: 'pending', updatedAt: now },
        };
        try {
          await saveWolPost(db, record, { sync: true, now });
          queued();
        } catch (error) {
          return error instanceof InvalidRecordError ? fail('errorInvalidMessage') : storageFailure(error);
        }
        // Other tabs showing the linked post show it saved too (the sender knows already).
        const postId = message.linkedPost?.postId;
        if (postId !== undefined)
          void notifyTabs(
            context.origin,
            (origin) => ({ type: 'wolPost.state', origin, id: record.id, postId, state: 'pending' }),
            context.tabId,
          ).catch(() => undefined);
        return ok({ id: record.id });
      },
      'wolPost.retry': async (message, context) => {
        try {
          const post = await db.wolPosts.get(message.id);
          // A page may only retry what was posted from its own intranet.
          if (post?.origin !== context.origin || post.sync.state !== 'failed') return ok({ retried: false });
          const retried = await retryDelivery(db, 'wol-post', post.id, clock.now());
          if (retried) queued();
          return ok({ retried });
        } catch (error) {
          return storageFailure(error);
        }
      },
      'recognition.retry': async (message, context) => {
        try {
          const latest = (await thanksStateOfPosts(db, context.origin, [message.postId])).get(message.postId);
          if (latest?.state !== 'failed') return ok({ retried: false });
          const records = await db.recognitions
            .where('[post.origin+post.postId]')
            .equals([context.origin, message.postId])
            .and((rec) => rec.direction === 'given' && rec.sync.state === 'failed')
            .toArray();
          let retried = false;
          for (const rec of records)
            retried = (await retryDelivery(db, 'recognition', rec.id, clock.now())) || retried;
          if (retried) queued();
          return ok({ retried });
        } catch (error) {
          return storageFailure(error);
        }
      },
      'composers.load': (_message, context) => injectComposers(context),
      'circle.page': async (message, context) => {
        try {
          return ok(await answerCirclePage(db, message, context.origin, clock.now()));
        } catch (error) {
          return error instanceof InvalidRecordError ? fail('errorInvalidMessage') : storageFailure(error);
        }
      },
      'circle.addAuthor': async (message) => {
        try {
          return ok({ added: await addToNewestCircle(db, message.author, clock) });
        } catch (error) {
          return error instanceof InvalidRecordError ? fail('errorInvalidMessage') : storageFailure(error);
        }
      },
      'targets.list': async (_message, context) => ok(await listTargets(context.intranet.host)),
      'replies.found': async (message, context) => {
        try {
          const { host, replies } = message;
          return ok({ imported: await importReplies(db, host, context.origin, replies, clock.now()) });
        } catch (error) {
          return error instanceof InvalidRecordError ? fail('errorInvalidMessage') : storageFailure(error);
        }
      },
      'posts.status': async (message, context) => {
        try {
          const states = await thanksStateOfPosts(db, context.origin, message.postIds);
          const wol = await wolStateOfPosts(db, context.origin, message.postIds);
          return ok({
            posts: [...states].map(([postId, sync]) =>
              sync.error ? { postId, state: sync.state, error: sync.error } : { postId, state: sync.state },
            ),
            // Only when some post on the page has one: most pages have none.
            ...(wol.size > 0 && {
              wol: [...wol].map(([postId, { id, sync }]) => ({
                postId,
                id,
                state: sync.state,
                error: sync.error,
              })),
            }),
          });
        } catch (error) {
          return storageFailure(error);
        }
      },
    },
    ui: {
      ...teaching.ui,
      ...createCircleHandlers(db, clock, queued),
      ...createDataHandlers(db, clock.now),
      ...createHistoryHandlers(db, clock.now),
      ...createAccountHandlers(db, () => backgroundAuth(db), queued),
      'intranet.add': async (message) => {
        if (!(await browser.permissions.contains({ origins: [`${message.origin}/*`] }))) {
          return fail('errorNoPermission', message.origin);
        }
        try {
          const added = await addIntranet(db, message, clock.now());
          return ok({ origin: added.origin, enabled: added.enabled });
        } catch (error) {
          return error instanceof InvalidRecordError ? fail('errorInvalidMessage') : storageFailure(error);
        }
      },
      'intranet.remove': async (message) => {
        try {
          // Removing a taught site forgets what it was taught.
          await db.taughtSites.delete(message.origin);
          return (await removeIntranet(db, message.origin))
            ? ok({ origin: message.origin })
            : fail('errorNotEnabled');
        } catch (error) {
          return storageFailure(error);
        }
      },
      'intranet.setEnabled': async (message) => {
        try {
          const found = await setIntranetOn(db, message.origin, message.enabled);
          return found ? ok({ origin: message.origin, enabled: message.enabled }) : fail('errorNotEnabled');
        } catch (error) {
          return storageFailure(error);
        }
      },
      'targets.listFor': async (message) => {
        try {
          const intranet = await findEnabledIntranet(db, `${message.origin}/`);
          return ok(intranet ? await listTargets(intranet.host) : { unavailable: 'unsupported' });
        } catch (error) {
          return storageFailure(error);
        }
      },
      'settings.update': async (message) => {
        try {
          return ok(await updateSettings(db, message.patch));
        } catch (error) {
          return error instanceof InvalidRecordError ? fail('errorInvalidMessage') : storageFailure(error);
        }
      },
    },
  };
}
