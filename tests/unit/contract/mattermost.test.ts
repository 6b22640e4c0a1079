// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AppErrorSchema,
  ChannelSchema,
  MeSchema,
  PostListSchema,
  PostSchema,
} from '../../../lib/hosts/mattermost/api-schemas';
import { CHANNELS, SIGNED_IN, startMattermost } from '../../contract/mattermost/server.mjs';
import { cookieHeader, type JsonInit, jsonRequest } from './json-request';

type Mattermost = Awaited<ReturnType<typeof startMattermost>>;

const CHANNEL = CHANNELS.get('wol-circle-nord')?.id ?? '';
let mattermost: Mattermost;
let headers: Record<string, string>;

beforeEach(async () => {
  mattermost = await startMattermost();
  const { cookies, csrfToken } = mattermost.signIn();
  headers = {
    Cookie: cookieHeader(cookies),
    'X-Requested-With': 'XMLHttpRequest',
    'X-CSRF-Token': csrfToken,
  };
});
afterEach(() => mattermost.close());

const api = (path: string, init?: JsonInit) => jsonRequest(`${mattermost.url}/api/v4${path}`, headers, init);

describe('the Mattermost contract server', () => {
  it('answers users/me for the session, and replies land in the root post’s thread', async () => {
    expect(await (await api('/users/me')).json()).toMatchObject({ id: SIGNED_IN.id });
    const response = await api('/posts', {
      method: 'POST',
      body: { channel_id: CHANNEL, message: 'Danke, Jonas!', root_id: mattermost.threadRoot },
    });
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created).toMatchObject({
      user_id: SIGNED_IN.id,
      root_id: mattermost.threadRoot,
      message: 'Danke, Jonas!',
    });
    const thread = await (await api(`/posts/${mattermost.threadRoot}/thread`)).json();
    expect(thread.order).toContain(created.id);
    expect(thread.order).toHaveLength(6);
  });

  it('takes the session cookie only from XHR requests and checks the MMCSRF token on writes', async () => {
    const body = { channel_id: CHANNEL, message: 'Danke!' };
    const variants: Record<string, string>[] = [
      { 'X-Requested-With': '' },
      { 'X-CSRF-Token': 'forged' },
      { Cookie: '' },
    ];
    for (const without of variants) {
      const response = await api('/posts', { method: 'POST', body, headers: without });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        id: 'api.context.session_expired.app_error',
        message: 'Invalid or expired session, please login again.',
        status_code: 401,
      });
    }
    // Reads need no CSRF token, but still the XHR header.
    expect((await api('/users/me', { headers: { 'X-CSRF-Token': '' } })).status).toBe(200);
    expect((await api('/users/me', { headers: { 'X-Requested-With': '' } })).status).toBe(401);
    expect(mattermost.log.find('POST', '/api/v4/posts').map((entry) => entry.status)).toEqual([
      401, 401, 401,
    ]);
  });

  it('rejects malformed bodies, bad ids, a reply to a reply, empty messages and archived channels', async () => {
    const post = (body: unknown) => api('/posts', { method: 'POST', body });
    expect((await post('{"channel_id":')).status).toBe(400);
    expect((await post({ channel_id: 'nope', message: 'Danke!' })).status).toBe(400);
    expect((await post({ channel_id: 'aaaaaaaaaaaaaaaaaaaaaaaaaa', message: 'Danke!' })).status).toBe(403);
    expect((await post({ channel_id: CHANNEL, message: '  ' })).status).toBe(400);
    const replyToReply = await post({
      channel_id: CHANNEL,
      message: 'Danke!',
      root_id: 'kfgytdsdty7ap7wugw3wb3ruqi',
    });
    expect(replyToReply.status).toBe(400);
    expect(await replyToReply.json()).toMatchObject({ message: 'Invalid RootId parameter.' });
    mattermost.archiveChannel('wol-circle-nord');
    const archived = await post({ channel_id: CHANNEL, message: 'Danke!' });
    expect(archived.status).toBe(400);
    expect(await archived.json()).toMatchObject({ message: 'Can not post to deleted channel.' });
  });

  it('finds channels by name and lists a channel’s posts since a time', async () => {
    const channel = await (await api('/teams/name/werk-nord/channels/name/wol-circle-nord')).json();
    expect(channel.id).toBe(CHANNEL);
    const since = Date.now();
    await api('/posts', {
      method: 'POST',
      body: { channel_id: CHANNEL, message: 'Diese Woche lerne ich …' },
    });
    const recent = await (await api(`/channels/${CHANNEL}/posts?since=${since}`)).json();
    expect(Object.values(recent.posts)).toMatchObject([{ message: 'Diese Woche lerne ich …', root_id: '' }]);
  });

  it('answers in the shapes the adapter reads (its zod schemas)', async () => {
    MeSchema.parse(await (await api('/users/me')).json());
    const created = PostSchema.parse(
      await (
        await api('/posts', { method: 'POST', body: { channel_id: CHANNEL, message: 'Danke!' } })
      ).json(),
    );
    PostSchema.parse(await (await api(`/posts/${created.id}`)).json());
    PostListSchema.parse(await (await api(`/posts/${mattermost.threadRoot}/thread`)).json());
    PostListSchema.parse(await (await api(`/channels/${CHANNEL}/posts?since=0`)).json());
    ChannelSchema.parse(await (await api('/teams/name/werk-nord/channels/name/wol-circle-nord')).json());
    AppErrorSchema.parse(await (await api('/users/me', { headers: { 'X-Requested-With': '' } })).json());
  });
});
