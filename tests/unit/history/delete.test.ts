// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { totalsForDays } from '../../../lib/db/reads';
import { importReceivedThanks, saveRecognition, saveWeeklyLog, saveWolPost } from '../../../lib/db/writes';
import { BackupSchema } from '../../../lib/export/backup-schema';
import { exportBackup } from '../../../lib/export/export-backup';
import { createDataHandlers } from '../../../lib/export/handlers';
import { createHistoryHandlers } from '../../../lib/history/handlers';
import { receivedRecognition } from '../../../lib/inbound/received-record';
import type { ReplyToMe } from '../../../lib/inbound/reply-to-me';
import { anna, freshDb, jonas, lea, NOW, ORIGIN, thanks, weeklyLog, wolPost } from '../db/factories';

const SYNC = { sync: true, now: NOW };
const LOCAL = { sync: false, now: NOW };
const DAY = '2025-03-10';
const noFollowers = { afterImport: async () => undefined, afterDelete: async () => undefined };

function historyHandlers(db: ReturnType<typeof freshDb>) {
  let followed = 0;
  const handlers = createHistoryHandlers(
    db,
    () => NOW,
    async () => {
      followed += 1;
    },
  );
  return { handlers, followed: () => followed };
}

const jonasThanks: ReplyToMe = {
  remoteId: 'comment-45',
  from: jonas,
  to: anna,
  post: { host: 'wordpress', origin: ORIGIN, postId: 'comment-7', author: anna },
  text: 'Danke, Anna!',
  at: NOW,
};
const scan = (reply: ReplyToMe = jonasThanks) => receivedRecognition('wordpress', ORIGIN, reply, NOW);

describe('deleting one record from the History', () => {
  it('uncounts a thank-you given, a thank-you received, a post and a log from their day', async () => {
    const db = freshDb();
    await saveRecognition(db, thanks('given'), SYNC);
    await saveRecognition(db, thanks('kept'), LOCAL);
    await importReceivedThanks(db, [await scan()]);
    await saveWolPost(db, wolPost('post'), SYNC);
    await saveWeeklyLog(db, weeklyLog('log'), LOCAL);
    expect(await totalsForDays(db, DAY, DAY)).toEqual({
      thanksGiven: 2,
      thanksReceived: 1,
      wolPosts: 1,
      weeklyLogs: 1,
    });
    const received = (await scan()).id;
    const { handlers, followed } = historyHandlers(db);

    for (const result of [
      await handlers['recognition.delete']({ type: 'recognition.delete', id: 'given' }),
      await handlers['recognition.delete']({ type: 'recognition.delete', id: received }),
      await handlers['wolPost.delete']({ type: 'wolPost.delete', id: 'post' }),
      await handlers['weeklyLog.delete']({ type: 'weeklyLog.delete', id: 'log' }),
    ])
      expect(result.ok).toBe(true);

    expect(await totalsForDays(db, DAY, DAY)).toEqual({
      thanksGiven: 1,
      thanksReceived: 0,
      wolPosts: 0,
      weeklyLogs: 0,
    });
    expect((await db.recognitions.toArray()).map((rec) => rec.id)).toEqual(['kept']);
    expect(await db.wolPosts.count()).toBe(0);
    expect(await db.weeklyLogs.count()).toBe(0);
    // Their queued deliveries went with them; nothing is posted for a record that is gone.
    expect(await db.outbox.count()).toBe(0);
    expect(followed()).toBe(4);
  });

  it('keeps an in-flight delivery of a deleted post, so that its answer still finds it', async () => {
    const db = freshDb();
    const item = await saveWolPost(db, wolPost('post'), SYNC);
    if (!item) throw new Error('the post was not queued');
    await db.outbox.update(item.id, { state: 'inflight', leaseUntil: NOW + 30_000 });
    await createHistoryHandlers(db, () => NOW, noFollowers.afterDelete)['wolPost.delete']({
      type: 'wolPost.delete',
      id: 'post',
    });
    expect(await db.wolPosts.count()).toBe(0);
    expect((await db.outbox.toArray()).map((queued) => queued.id)).toEqual([item.id]);
  });

  it('answers ok for a record already gone, and changes nothing', async () => {
    const db = freshDb();
    await saveWeeklyLog(db, weeklyLog('log'), LOCAL);
    const { handlers, followed } = historyHandlers(db);
    expect(await handlers['weeklyLog.delete']({ type: 'weeklyLog.delete', id: 'other' })).toEqual({
      ok: true,
      value: { id: 'other' },
    });
    expect((await totalsForDays(db, DAY, DAY)).weeklyLogs).toBe(1);
    expect(followed()).toBe(0);
  });
});

describe('a thank-you received that the user deleted', () => {
  it('is not read in again by the next scan, while new thanks still are', async () => {
    const db = freshDb();
    expect(await importReceivedThanks(db, [await scan()])).toBe(1);
    const id = (await scan()).id;
    await createHistoryHandlers(db, () => NOW + 1, noFollowers.afterDelete)['recognition.delete']({
      type: 'recognition.delete',
      id,
    });
    expect(await db.deletions.toArray()).toEqual([{ id, deletedAt: NOW + 1 }]);

    const leaThanks = await scan({ ...jonasThanks, remoteId: 'comment-46', from: lea });
    expect(await importReceivedThanks(db, [await scan(), leaThanks])).toBe(1);
    expect((await db.recognitions.toArray()).map((rec) => rec.from)).toEqual([lea]);
    expect((await totalsForDays(db, DAY, DAY)).thanksReceived).toBe(1);
  });

  it('is noted by id and time only; deleting a thank-you given notes nothing', async () => {
    const db = freshDb();
    await saveRecognition(db, thanks('given'), LOCAL);
    await createHistoryHandlers(db, () => NOW, noFollowers.afterDelete)['recognition.delete']({
      type: 'recognition.delete',
      id: 'given',
    });
    expect(await db.deletions.count()).toBe(0);
  });

  it('stays deleted after a backup is restored, and "delete all my data" forgets the note', async () => {
    const db = freshDb();
    await importReceivedThanks(db, [await scan()]);
    const id = (await scan()).id;
    await createHistoryHandlers(db, () => NOW, noFollowers.afterDelete)['recognition.delete']({
      type: 'recognition.delete',
      id,
    });
    const backup = BackupSchema.parse(JSON.parse(JSON.stringify(await exportBackup(db, NOW))));
    expect(backup.tables.deletions).toEqual([{ id, deletedAt: NOW }]);

    const data = createDataHandlers(db, () => NOW, noFollowers);
    await data['data.deleteAll']({ type: 'data.deleteAll' });
    expect(await db.deletions.count()).toBe(0);

    // Restored into an empty browser: the next scan still leaves it out.
    await data['data.import']({ type: 'data.import', backup });
    expect(await importReceivedThanks(db, [await scan()])).toBe(0);
    expect(await db.recognitions.count()).toBe(0);
  });
});
