// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { Fault } from '../../../demo-intranet/faults.mjs';
import { startDemoIntranet } from '../../../demo-intranet/server.mjs';

type Intranet = Awaited<ReturnType<typeof startDemoIntranet>>;
let intranet: Intranet | undefined;

afterEach(async () => {
  await intranet?.close();
  intranet = undefined;
});

/** A demo intranet whose API faults every POST in the given way, and a session that may write. */
async function faulty(fault: Fault | undefined) {
  const started = await startDemoIntranet({
    faults: { decide: ({ method }) => (method === 'POST' ? fault : undefined) },
  });
  intranet = started;
  const page = await fetch(`${started.url}/`);
  const cookie = page.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const csrf = /name="csrf-token" content="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const write = (body: string, signal?: AbortSignal) =>
    fetch(`${started.url}/api/posts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf },
      body: JSON.stringify({ body }),
      signal: signal ?? null,
    });
  const stored = (body: string) =>
    [...started.store.posts.values()].filter((post) => post.body === body).length;
  return { write, stored };
}

describe('the demo intranet’s test-only fault injection', () => {
  it('is off without a plan: the API answers as always', async () => {
    const { write, stored } = await faulty(undefined);
    expect((await write('plain')).status).toBe(201);
    expect(stored('plain')).toBe(1);
  });

  it('answers with the planned status and Retry-After, storing nothing', async () => {
    const { write, stored } = await faulty({ kind: 'status', status: 429, retryAfterSeconds: 2 });
    const response = await write('refused');
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('2');
    expect(stored('refused')).toBe(0);
  });

  it('stores the write, then answers with a body that is not JSON', async () => {
    const { write, stored } = await faulty({ kind: 'malformed-json' });
    const response = await write('garbled');
    expect(response.status).toBe(201);
    await expect(response.json()).rejects.toThrow();
    expect(stored('garbled')).toBe(1);
  });

  it('stores the write, then loses the answer: headers arrive, the body never does', async () => {
    const { write, stored } = await faulty({ kind: 'lose-response' });
    const response = await write('lost');
    await expect(response.text()).rejects.toThrow();
    expect(stored('lost')).toBe(1);
  });

  it('stores a stalled write only after the stall, even when the client gave up meanwhile', async () => {
    const { write, stored } = await faulty({ kind: 'stall', ms: 300 });
    await expect(write('late', AbortSignal.timeout(100))).rejects.toThrow();
    expect(stored('late')).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(stored('late')).toBe(1);
  });
});
