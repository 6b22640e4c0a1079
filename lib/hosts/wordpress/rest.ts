/** Requests to the WordPress core REST API with the signed-in user's cookie and a fresh `X-WP-Nonce`. */

const TIMEOUT_MS = 20_000;

function restRoot(): string {
  // The REST discovery link survives sites that move or rename `/wp-json/`.
  return document.querySelector('link[rel="https://api.w.org/"]')?.getAttribute('href') ?? '/wp-json/';
}

/** The nonce that proves the request comes from the signed-in user's own pages (CSRF protection). */
export async function nonce(): Promise<string> {
  const response = await fetch('/wp-admin/admin-ajax.php?action=rest-nonce', {
    credentials: 'same-origin',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = (await response.text()).trim();
  if (!response.ok || !/^[0-9a-f]{6,20}$/.test(text))
    throw new Error('WordPress gave no REST nonce (signed out?)');
  return text;
}

/** One request; a series of reads may share one nonce (`withNonce`), a write gets its own. */
export async function rest(
  path: string,
  init: { method?: string; body?: unknown; withNonce?: string } = {},
): Promise<Response> {
  return fetch(`${restRoot()}${path}`, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-WP-Nonce': init.withNonce ?? (await nonce()) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

/** WordPress stores what it was sent but renders it (paragraphs, typographic quotes): compare as plain words. */
export function plain(html: string): string {
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  return text.replace(/[‘’]/g, "'").replace(/[“”„]/g, '"').replace(/\s+/g, ' ').trim();
}
