// Another person writes on the test wiki: signs in through the Action API (clientlogin) and appends to a
// page section with a CSRF token, as their browser would. How tests make thanks reach the signed-in user.

/**
 * @param {import('./start.mjs').RunningMediaWiki} wiki
 * @param {import('./seed.mjs').UserName} user
 * @param {{ title: string, section: number, appendtext: string, summary: string }} edit
 * @returns {Promise<number>} the new revision's id
 */
export async function appendAs(wiki, user, edit) {
  const session = apiSession(wiki.url);
  const loginToken = (await session.get({ action: 'query', meta: 'tokens', type: 'login' })).query.tokens
    .logintoken;
  const { username, password } = wiki.credentials[user];
  const login = await session.post({
    action: 'clientlogin',
    username,
    password,
    logintoken: loginToken,
    loginreturnurl: `${wiki.url}/`,
  });
  if (login.clientlogin?.status !== 'PASS')
    throw new Error(`${user} could not sign in: ${JSON.stringify(login)}`);
  const csrf = (await session.get({ action: 'query', meta: 'tokens', type: 'csrf' })).query.tokens.csrftoken;
  const saved = await session.post({ action: 'edit', ...edit, section: String(edit.section), token: csrf });
  if (saved.edit?.result !== 'Success')
    throw new Error(`the wiki refused ${user}'s edit: ${JSON.stringify(saved)}`);
  return saved.edit.newrevid;
}

/** Requests to api.php that keep the session cookies between them. @param {string} url */
function apiSession(url) {
  /** @type {Map<string, string>} */
  const cookies = new Map();
  /** @param {Response} response */
  const keep = (response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      if (at > 0) cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const headers = () => ({ Cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') });
  const params = (/** @type {Record<string, string>} */ values) =>
    new URLSearchParams({ ...values, format: 'json', formatversion: '2' });
  return {
    /** @param {Record<string, string>} values */
    async get(values) {
      const response = await fetch(`${url}/api.php?${params(values)}`, { headers: headers() });
      keep(response);
      return response.json();
    },
    /** @param {Record<string, string>} values */
    async post(values) {
      const response = await fetch(`${url}/api.php`, {
        method: 'POST',
        headers: headers(),
        body: params(values),
      });
      keep(response);
      return response.json();
    },
  };
}
