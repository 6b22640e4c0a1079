// @vitest-environment node
// Confluence Cloud's CQL mention search: what the contract server enforces, and how the page API reads
// its answer into replies to the user (lib/hosts/confluence/mentions-cloud.ts).
import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MENTIONS_CQL, MentionSearchSchema, mentionsOf } from '../../../lib/hosts/confluence/mentions-cloud';
import { isThankYou } from '../../../lib/inbound/recognize-thanks';
import { ACCOUNTS, mentionOf, SIGNED_IN, startConfluence } from '../../contract/confluence/server.mjs';
import { cookieHeader, jsonRequest } from './json-request';

type Confluence = Awaited<ReturnType<typeof startConfluence>>;

const JONAS = ACCOUNTS.get('jonas.weber') ?? '';
const ORIGIN = 'https://musterwerk.atlassian.net';
let confluence: Confluence;
let cookie: string;
/** The server's clock: each comment a minute after the one before. */
let clock: number;
const later = () => {
  clock += 60_000;
  return clock;
};

beforeEach(async () => {
  clock = Date.UTC(2026, 10, 22, 9);
  confluence = await startConfluence({ now: later });
  cookie = cookieHeader([confluence.signIn().cookie]);
});
afterEach(() => confluence.close());

const search = (cql: string | undefined, headers: Record<string, string> = { Cookie: cookie }) => {
  const query = new URLSearchParams({ expand: 'content.history,content.body.storage' });
  if (cql !== undefined) query.set('cql', cql);
  return jsonRequest(`${confluence.url}/wiki/rest/api/search?${query}`, headers);
};

describe('the Confluence Cloud contract server’s CQL search', () => {
  it('finds the comments that mention the signed-in user, newest first, for that user only', async () => {
    const older = confluence.commentAs('jonas.weber', `<p>Danke ${mentionOf(SIGNED_IN.accountId)}!</p>`);
    confluence.commentAs('katharina.mueller', `<p>Frage an ${mentionOf(JONAS)}</p>`);
    const newer = confluence.commentAs('katharina.mueller', `<p>${mentionOf(SIGNED_IN.accountId)} ?</p>`);

    const response = await search(MENTIONS_CQL);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ size: 2, totalSize: 2, cqlQuery: MENTIONS_CQL });
    expect(body.results.map((result: { content: { id: string } }) => result.content.id)).toEqual([
      newer,
      older,
    ]);
    expect(body.results[1].content.history.createdBy).toMatchObject({
      accountId: JONAS,
      displayName: 'Jonas Weber',
    });
    // Jonas sees only the comment that mentions him.
    const asJonas = cookieHeader([confluence.signIn(JONAS).cookie]);
    const his = await (await search(MENTIONS_CQL, { Cookie: asJonas })).json();
    expect(his.results).toHaveLength(1);
    expect(his.results[0].content.body.storage.value).toContain(JONAS);
  });

  it('refuses a search without a session, without CQL, and with CQL it does not understand', async () => {
    const anonymous = await search(MENTIONS_CQL, {});
    expect(anonymous.status).toBe(401);
    const missing = await search(undefined);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ message: 'cql is a required parameter' });
    const unknown = await search('mention = "mara" OR type = page');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).message).toMatch(/^Could not parse cql/);
    expect((await search(`${MENTIONS_CQL} limit 3`)).status).toBe(400);
  });
});

describe('reading the mention search into replies to the user', () => {
  beforeEach(() => {
    vi.stubGlobal('DOMParser', new Window().DOMParser);
  });

  it('turns colleagues’ comments into replies with the mention as @Name, and leaves out the user’s own', async () => {
    confluence.commentAs(
      'jonas.weber',
      `<p>Danke ${mentionOf(SIGNED_IN.accountId)} für die Checkliste &#60;3</p><p>Bis morgen</p>`,
    );
    confluence.commentAs(
      'katharina.mueller',
      `<p>${mentionOf(SIGNED_IN.accountId)} kannst du kurz schauen?</p>`,
    );
    // The user mentioning themself is no reply from anyone.
    await jsonRequest(
      `${confluence.url}/wiki/api/v2/footer-comments`,
      { Cookie: cookie },
      {
        method: 'POST',
        body: {
          pageId: '48889214',
          body: { representation: 'storage', value: `<p>Danke ${mentionOf(SIGNED_IN.accountId)}</p>` },
        },
      },
    );

    const parsed = MentionSearchSchema.safeParse(await (await search(MENTIONS_CQL)).json());
    if (!parsed.success) throw parsed.error;
    expect(parsed.data.results).toHaveLength(3);
    const replies = mentionsOf(parsed.data, SIGNED_IN, ORIGIN);
    expect(replies).toEqual([
      {
        remoteId: expect.any(String),
        from: {
          name: 'Katharina Müller',
          id: ACCOUNTS.get('katharina.mueller'),
          profileUrl: `${ORIGIN}/wiki/people/${encodeURIComponent(ACCOUNTS.get('katharina.mueller') ?? '')}`,
        },
        to: {
          name: 'Mara Keller',
          id: SIGNED_IN.accountId,
          profileUrl: `${ORIGIN}/wiki/people/${encodeURIComponent(SIGNED_IN.accountId)}`,
        },
        text: '@Mara Keller kannst du kurz schauen?',
        at: expect.any(Number),
      },
      expect.objectContaining({
        from: expect.objectContaining({ name: 'Jonas Weber', id: JONAS }),
        text: 'Danke @Mara Keller für die Checkliste <3 Bis morgen',
      }),
    ]);
    // The inbound path keeps only the thank-you.
    expect(replies.filter((reply) => isThankYou(reply.text)).map((reply) => reply.from.name)).toEqual([
      'Jonas Weber',
    ]);
  });

  it('refuses an answer without the expanded author or body instead of guessing', async () => {
    confluence.commentAs('jonas.weber', `<p>Danke ${mentionOf(SIGNED_IN.accountId)}</p>`);
    const bare = await jsonRequest(
      `${confluence.url}/wiki/rest/api/search?cql=${encodeURIComponent(MENTIONS_CQL)}`,
      { Cookie: cookie },
    );
    expect(MentionSearchSchema.safeParse(await bare.json()).success).toBe(false);
  });
});
