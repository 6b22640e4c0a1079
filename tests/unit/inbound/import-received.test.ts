// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { totalsForDays } from '../../../lib/db/reads';
import type { PostRef } from '../../../lib/db/schemas';
import { InvalidRecordError } from '../../../lib/db/validate';
import { importReceivedThanks } from '../../../lib/db/writes';
import { receivedIdOf, receivedRecognition } from '../../../lib/inbound/received-record';
import type { ReplyToMe } from '../../../lib/inbound/reply-to-me';
import { anna, freshDb, jonas, lea, NOW, ORIGIN, thanks } from '../db/factories';

const HOUR = 3_600_000;
const myComment: PostRef = { host: 'wordpress', origin: ORIGIN, postId: 'comment-7', author: anna };

function reply(remoteId: string, overrides: Partial<ReplyToMe> = {}): ReplyToMe {
  return { remoteId, from: jonas, to: anna, post: myComment, text: 'Danke, Anna!', at: NOW, ...overrides };
}

async function received(
  replies: ReplyToMe[],
  { host = 'wordpress', origin = ORIGIN }: { host?: 'wordpress' | 'mediawiki'; origin?: string } = {},
) {
  return Promise.all(replies.map((found) => receivedRecognition(host, origin, found, NOW + HOUR)));
}

describe('importReceivedThanks', () => {
  it('stores a reply as a received thank-you from its author to the user, counted for the day it was written', async () => {
    const db = freshDb();
    const yesterday = NOW - 24 * HOUR;
    expect(await importReceivedThanks(db, await received([reply('comment-45', { at: yesterday })]))).toBe(1);

    const [stored] = await db.recognitions.toArray();
    expect(stored).toMatchObject({
      direction: 'received',
      from: jonas,
      to: [anna],
      post: myComment,
      message: 'Danke, Anna!',
      createdAt: yesterday,
      day: '2025-03-09',
      sync: { state: 'local', remoteId: 'comment-45' },
    });
    expect(await totalsForDays(db, '2025-03-09', '2025-03-09')).toMatchObject({
      thanksReceived: 1,
      thanksGiven: 0,
    });
  });

  it('counts the same reply once, however often it is found again', async () => {
    const db = freshDb();
    const found = [reply('comment-45'), reply('comment-46', { from: lea })];
    expect(await importReceivedThanks(db, await received(found))).toBe(2);
    // Re-scans: the same replies again, one of them twice in one batch, one edited on the host meanwhile.
    expect(await importReceivedThanks(db, await received([...found, found[0] as ReplyToMe]))).toBe(0);
    expect(await importReceivedThanks(db, await received([reply('comment-45', { text: 'Danke!!' })]))).toBe(
      0,
    );

    expect(await db.recognitions.count()).toBe(2);
    expect((await totalsForDays(db, '2025-03-10', '2025-03-10')).thanksReceived).toBe(2);
  });

  it('keeps replies apart that share an id on different intranets or hosts', async () => {
    const db = freshDb();
    const here = await received([reply('comment-45')]);
    const otherSite = await received([reply('comment-45')], { origin: 'https://blog.example-gmbh.de' });
    const otherHost = await received([reply('comment-45')], { host: 'mediawiki' });
    expect(await importReceivedThanks(db, [...here, ...otherSite, ...otherHost])).toBe(3);
    expect((await totalsForDays(db, '2025-03-10', '2025-03-10')).thanksReceived).toBe(3);
  });

  it('leaves the thanks the user gave alone and counts them apart', async () => {
    const db = freshDb();
    await db.recognitions.add(thanks('given-1'));
    await importReceivedThanks(db, await received([reply('comment-45')]));
    expect(await db.recognitions.get('given-1')).toEqual(thanks('given-1'));
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a batch with a given thank-you or a broken record and writes none of it', async () => {
    const db = freshDb();
    const good = await received([reply('comment-45')]);
    await expect(importReceivedThanks(db, [...good, thanks('given-1')])).rejects.toThrow(InvalidRecordError);
    const broken = { ...(good[0] as (typeof good)[0]), id: 'other', message: '   ' };
    await expect(importReceivedThanks(db, [...good, broken])).rejects.toThrow(InvalidRecordError);
    expect(await db.recognitions.count()).toBe(0);
    expect(await db.dailyAggregates.count()).toBe(0);
  });
});

describe('receivedIdOf', () => {
  it('is stable, fits a record id, and differs by host, origin and reply', async () => {
    const id = await receivedIdOf('wordpress', ORIGIN, 'comment-45');
    expect(id).toBe(await receivedIdOf('wordpress', ORIGIN, 'comment-45'));
    expect(id.length).toBeLessThanOrEqual(64);
    const others = await Promise.all([
      receivedIdOf('mediawiki', ORIGIN, 'comment-45'),
      receivedIdOf('wordpress', 'https://other.example', 'comment-45'),
      receivedIdOf('wordpress', ORIGIN, 'comment-46'),
    ]);
    expect(new Set([id, ...others]).size).toBe(4);
  });
});
