// Another person writes on the test WordPress: signs in through wp-login.php as their browser would, then
// comments through the REST API with their cookie and nonce. How tests make thanks reach the signed-in user.

/**
 * @param {import('./start.mjs').WordPress} wordpress
 * @param {string} login one of the seed's users
 * @param {{ post: number, parent?: number, content: string }} comment
 * @returns {Promise<number>} the new comment's id
 */
export async function commentAs(wordpress, login, comment) {
  const user = wordpress.users.find((candidate) => candidate.login === login);
  if (!user) throw new Error(`seed.mjs has no user ${login}`);
  const cookies = await signIn(wordpress.url, user.login, user.password);
  const nonceResponse = await fetch(`${wordpress.url}/wp-admin/admin-ajax.php?action=rest-nonce`, {
    headers: { Cookie: cookies },
  });
  const nonce = (await nonceResponse.text()).trim();
  if (!/^[0-9a-f]{6,20}$/.test(nonce)) throw new Error(`no REST nonce for ${login}: ${nonce.slice(0, 200)}`);
  // `?rest_route=` works whatever the permalink settings.
  const response = await fetch(`${wordpress.url}/?rest_route=/wp/v2/comments`, {
    method: 'POST',
    headers: { Cookie: cookies, 'X-WP-Nonce': nonce, 'Content-Type': 'application/json' },
    body: JSON.stringify({ parent: 0, ...comment }),
  });
  const created = await response.json();
  if (response.status !== 201 || typeof created?.id !== 'number') {
    throw new Error(
      `WordPress refused ${login}'s comment: HTTP ${response.status} ${JSON.stringify(created)}`,
    );
  }
  if (created.status !== 'approved') throw new Error(`${login}'s comment is ${created.status}, not approved`);
  return created.id;
}

/**
 * @param {string} url
 * @param {string} login
 * @param {string} password
 * @returns {Promise<string>} the session cookies, as a Cookie header
 */
async function signIn(url, login, password) {
  const response = await fetch(`${url}/wp-login.php`, {
    method: 'POST',
    redirect: 'manual',
    // WordPress first checks that the browser takes cookies at all.
    headers: { Cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
    body: new URLSearchParams({
      log: login,
      pwd: password,
      'wp-submit': 'Log In',
      redirect_to: `${url}/wp-admin/`,
      testcookie: '1',
    }),
  });
  const cookies = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .filter((pair) => pair.startsWith('wordpress_') && !pair.endsWith('=deleted'));
  if (response.status !== 302 || !cookies.some((pair) => pair.startsWith('wordpress_logged_in_'))) {
    throw new Error(`${login} could not sign in to ${url} (HTTP ${response.status})`);
  }
  return cookies.join('; ');
}
