const DEFAULT_API_URL = 'http://127.0.0.1:3001';

/**
 * Base URL of the fleet API, read at request time on the server only (never shipped to the
 * browser: the browser talks to this app, which forwards to the API with the session token).
 */
export function apiBaseUrl(): string {
  const raw = process.env.API_URL?.trim() || DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`API_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`API_URL must be http(s), got "${url.protocol}"`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}
