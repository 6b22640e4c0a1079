// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { WOL_LINKS_LOOKED_AT, wolStateOfPosts } from '../../../lib/db/reads';
import { saveWolPost } from '../../../lib/db/writes';
import { freshDb, NOW, ORIGIN, postRef, wolPost } from './factories';

const LOCAL = { sync: false, now: NOW };

describe('wolStateOfPosts', () => {
  it("gives each post the user's latest WOL post that links it, on that origin only", async () => {
    const db = freshDb();
    await saveWolPost(
      db,
      wolPost('w1', { linkedPost: postRef('1412'), sync: { state: 'sent', updatedAt: 1 } }),
      LOCAL,
    );
    await saveWolPost(
      db,
      wolPost('w2', {
        linkedPost: postRef('1412'),
        createdAt: NOW + 1000,
        sync: { state: 'failed', error: 'HTTP 403', updatedAt: 2 },
      }),
      LOCAL,
    );
    await saveWolPost(
      db,
      wolPost('w3', { linkedPost: postRef('1415', { origin: 'https://other.example' }) }),
      LOCAL,
    );
    await saveWolPost(db, wolPost('w4'), LOCAL);

    const states = await wolStateOfPosts(db, ORIGIN, ['1412', '1415', '9999']);
    expect([...states]).toEqual([
      ['1412', { id: 'w2', sync: { state: 'failed', error: 'HTTP 403', updatedAt: 2 } }],
    ]);
    expect(await wolStateOfPosts(db, ORIGIN, [])).toEqual(new Map());
  });

  it(`looks only at the newest ${WOL_LINKS_LOOKED_AT} WOL posts, so asking costs the same however many there are`, async () => {
    const db = freshDb();
    await saveWolPost(db, wolPost('oldest', { linkedPost: postRef('old'), createdAt: NOW - 1 }), LOCAL);
    for (let i = 0; i < WOL_LINKS_LOOKED_AT; i++)
      await saveWolPost(db, wolPost(`w${i}`, { linkedPost: postRef(`p${i}`), createdAt: NOW + i }), LOCAL);

    const states = await wolStateOfPosts(db, ORIGIN, ['old', 'p0', `p${WOL_LINKS_LOOKED_AT - 1}`]);
    expect([...states.keys()].sort()).toEqual(['p0', `p${WOL_LINKS_LOOKED_AT - 1}`]);
  });
});
