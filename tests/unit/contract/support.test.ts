// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { readJsonBody } from '../../contract/support/body.mjs';
import { createRateWindow } from '../../contract/support/rate-window.mjs';
import { json, startContractServer } from '../../contract/support/server.mjs';

type Server = Awaited<ReturnType<typeof startContractServer>>;
let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the contract servers’ shared base', () => {
  it('routes by method and path, with `:name` and `:name.json` segments, and logs every request', async () => {
    server = await startContractServer({
      routes: [
        { method: 'GET', path: '/posts/:id.json', handle: (ctx) => json(200, { id: ctx.params.id }) },
        { method: 'POST', path: '/posts/:id/replies', handle: async (ctx) => json(201, await ctx.body()) },
      ],
    });
    expect(await (await fetch(`${server.url}/posts/a%20b.json`)).json()).toEqual({ id: 'a b' });
    expect((await fetch(`${server.url}/posts/7`)).status).toBe(404);
    const reply = await fetch(`${server.url}/posts/7/replies`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"raw":"Danke"}',
    });
    expect(reply.status).toBe(201);
    expect(server.log.find('POST', /^\/posts\/\d+\/replies$/)).toMatchObject([
      { status: 201, body: { raw: 'Danke' }, dropped: false },
    ]);
    expect(server.log.entries.map((entry) => entry.status)).toEqual([200, 404, 201]);
  });

  it('serves a request whose answer it is told to lose, and breaks that answer off', async () => {
    let served = 0;
    server = await startContractServer({
      routes: [
        {
          method: 'POST',
          path: '/write',
          handle: () => json(200, { id: ++served, padding: 'x'.repeat(200) }),
        },
      ],
    });
    server.loseNextAnswer('POST', '/write');
    const first = await fetch(`${server.url}/write`, { method: 'POST' });
    expect(first.status).toBe(200);
    await expect(first.json()).rejects.toThrow();
    expect(await (await fetch(`${server.url}/write`, { method: 'POST' })).json()).toMatchObject({ id: 2 });
    expect(served).toBe(2);
    expect(server.log.find('POST', '/write').map((entry) => entry.dropped)).toEqual([true, false]);
  });

  it('reads only well-formed JSON bodies within the limit', async () => {
    const bodies: unknown[] = [];
    server = await startContractServer({
      routes: [
        {
          method: 'POST',
          path: '/body',
          handle: async (ctx) => {
            bodies.push(await readJsonBody(ctx.req, 16));
            return json(204, null);
          },
        },
      ],
    });
    const send = (body: string, type = 'application/json') =>
      fetch(`${server?.url}/body`, { method: 'POST', headers: { 'Content-Type': type }, body });
    await send('{"a":1}');
    await send('{"a":');
    await send('a=1', 'application/x-www-form-urlencoded');
    await send(JSON.stringify({ a: 'x'.repeat(100) }));
    expect(bodies).toEqual([
      { ok: true, value: { a: 1 }, raw: '{"a":1}' },
      { ok: false, problem: 'malformed', raw: '{"a":' },
      { ok: false, problem: 'content-type', raw: 'a=1' },
      { ok: false, problem: 'too-large', raw: '' },
    ]);
  });

  it('allows `requests` per window for each key and says when the next one may come', () => {
    let now = 0;
    const limit = createRateWindow({ requests: 2, perMs: 10_000, now: () => now });
    expect(limit.take('a')).toEqual({ ok: true });
    now = 4_000;
    expect(limit.take('a')).toEqual({ ok: true });
    expect(limit.take('b')).toEqual({ ok: true });
    expect(limit.take('a')).toEqual({ ok: false, retryAfterS: 6 });
    now = 10_001;
    expect(limit.take('a')).toEqual({ ok: true });
    expect(limit.take('a')).toEqual({ ok: false, retryAfterS: 4 });
  });
});
