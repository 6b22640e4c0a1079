// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CreatedPostSchema,
  CreatedTopicsSchema,
  ErrorSchema,
  PostSourceSchema,
  RepliesSchema,
} from '../../../lib/hosts/discourse/api-schemas';
import { SIGNED_IN, startDiscourse } from '../../contract/discourse/server.mjs';

type Discourse = Awaited<ReturnType<typeof startDiscourse>>;

let clock = Date.UTC(2026, 10, 22, 9);
let discourse: Discourse;
let session: ReturnType<Discourse['signIn']>;

beforeEach(async () => {
  clock = Date.UTC(2026, 10, 22, 9);
  discourse = await startDiscourse({ now: () => clock });
  session = discourse.signIn();
});
afterEach(() => discourse.close());

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${discourse.url}/posts.json`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Cookie: `_t=${session.cookie.value}`,
      'X-CSRF-Token': session.csrfToken,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const reply = (raw: string) => ({ topic_id: 1192, raw, reply_to_post_number: 2 });

describe('the Discourse contract server', () => {
  it('serves a topic with the session’s CSRF token in the page and the signed-in user preloaded', async () => {
    const page = await (
      await fetch(discourse.topicUrl(1192), { headers: { Cookie: `_t=${session.cookie.value}` } })
    ).text();
    expect(page).toContain(`<meta name="csrf-token" content="${session.csrfToken}">`);
    expect(page).toContain('data-post-id="8902" data-topic-id="1192"');
    expect(page).toContain(`\\&quot;username\\&quot;:\\&quot;${SIGNED_IN.username}\\&quot;`);
  });

  it('creates a reply as the signed-in user and shows it among the post’s replies', async () => {
    const response = await post(reply('Danke, Jonas – die Anleitung hilft uns sehr!'));
    expect(response.status).toBe(200);
    const created = await response.json();
    expect(created).toMatchObject({ topic_id: 1192, reply_to_post_number: 2, user_id: SIGNED_IN.id });
    const cookie = { Cookie: `_t=${session.cookie.value}` };
    const replies = await (
      await fetch(`${discourse.url}/posts/8902/replies.json`, { headers: cookie })
    ).json();
    expect(replies).toMatchObject([{ id: created.id, user_id: SIGNED_IN.id }]);
    const source = await (
      await fetch(`${discourse.url}/posts/${created.id}.json`, { headers: cookie })
    ).json();
    expect(source.raw).toBe('Danke, Jonas – die Anleitung hilft uns sehr!');
  });

  it('refuses writes without a session or with a wrong CSRF token, as Discourse does', async () => {
    const anonymous = await post(reply('Danke für die ausführliche Anleitung!'), { Cookie: '' });
    expect(anonymous.status).toBe(403);
    expect(await anonymous.json()).toMatchObject({ error_type: 'not_logged_in' });
    const badToken = await post(reply('Danke für die ausführliche Anleitung!'), { 'X-CSRF-Token': 'stale' });
    expect(badToken.status).toBe(403);
    expect(await badToken.json()).toEqual(['BAD CSRF']);
    const noToken = await fetch(`${discourse.url}/posts.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: `_t=${session.cookie.value}` },
      body: JSON.stringify(reply('Danke für die ausführliche Anleitung!')),
    });
    expect(noToken.status).toBe(403);
    expect(discourse.posts().filter((p) => p.user_id === SIGNED_IN.id && p.id >= 9000)).toHaveLength(0);
  });

  it('rejects malformed bodies, short posts, unknown topics and a repeat of the same text', async () => {
    expect((await post('{"topic_id": 1192, raw:')).status).toBe(400);
    expect((await post({ topic_id: 1192 })).status).toBe(400);
    const short = await post(reply('Danke!'));
    expect(short.status).toBe(422);
    expect(await short.json()).toEqual({
      action: 'create_post',
      errors: ['Body is too short (minimum is 20 characters)'],
    });
    expect((await post({ topic_id: 4711, raw: 'Danke für die ausführliche Anleitung!' })).status).toBe(404);
    expect((await post(reply('Danke für die ausführliche Anleitung!'))).status).toBe(200);
    const again = await post(reply('Danke für die ausführliche Anleitung!'));
    expect(again.status).toBe(422);
    expect((await again.json()).errors).toEqual(['Body is too similar to what you recently posted']);
  });

  it('allows 20 requests a minute per user, then answers 429 with Retry-After until the window passes', async () => {
    for (let i = 0; i < 20; i += 1) {
      expect((await post(reply(`Danke für Beitrag Nummer ${i} im Thema!`))).status).toBe(200);
      clock += 1_000;
    }
    const limited = await post(reply('Danke für Beitrag Nummer 20 im Thema!'));
    expect(limited.status).toBe(429);
    // The first of the 20 leaves the window 60 s after it was sent, 40 s from now.
    expect(limited.headers.get('Retry-After')).toBe('40');
    expect(await limited.json()).toMatchObject({ error_type: 'rate_limit', extras: { wait_seconds: 40 } });
    clock += 40_000;
    expect((await post(reply('Danke für Beitrag Nummer 20 im Thema!'))).status).toBe(200);
  });

  it('refuses replies to a closed topic with its reason, and new topics without a real title', async () => {
    discourse.closeTopic(1192);
    const closed = await post(reply('Danke für die ausführliche Anleitung!'));
    expect(closed.status).toBe(403);
    expect(await closed.json()).toMatchObject({ error_type: 'invalid_access' });
    expect((await post({ title: 'Kurz', raw: 'Diese Woche habe ich gelernt, wie man …' })).status).toBe(422);
    const topic = await post({ title: 'Was ich diese Woche lerne', raw: 'Diese Woche lerne ich Discourse.' });
    expect(topic.status).toBe(200);
    expect(await topic.json()).toMatchObject({ post_number: 1, reply_to_post_number: null });
  });

  it('logs every request for assertions', async () => {
    await post(reply('Danke für die ausführliche Anleitung!'));
    expect(discourse.log.find('POST', '/posts.json')).toMatchObject([
      { status: 200, body: reply('Danke für die ausführliche Anleitung!') },
    ]);
  });

  it('answers in the shapes the adapter reads (its zod schemas)', async () => {
    const headers = { Cookie: `_t=${session.cookie.value}` };
    const get = async (path: string) => (await fetch(`${discourse.url}${path}`, { headers })).json();
    const created = CreatedPostSchema.parse(
      await (await post(reply('Danke für die ausführliche Anleitung!'))).json(),
    );
    RepliesSchema.parse(await get('/posts/8902/replies.json'));
    PostSourceSchema.parse(await get(`/posts/${created.id}.json`));
    await post({ title: 'Was ich diese Woche lerne', raw: 'Diese Woche lerne ich Discourse.' });
    CreatedTopicsSchema.parse(await get(`/topics/created-by/${SIGNED_IN.username}.json`));
    ErrorSchema.parse(await (await post(reply('Danke!'))).json());
    ErrorSchema.parse(await (await post(reply('Danke!'), { 'X-CSRF-Token': 'stale' })).json());
  });
});
