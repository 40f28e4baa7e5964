import createClient, { type Client } from 'openapi-fetch';
import { apiBaseUrl } from '../../config/api-url';
import type { Locale } from '../../i18n/locale';
import type { paths } from './schema.gen';

/** Typed client of the fleet API; paths, parameters and bodies are checked against schema.gen.ts. */
export type ApiClient = Client<paths>;

export type ApiResult<T> =
  | { ok: true; data: T }
  /** `status` 0 = the API did not answer at all. */
  | { ok: false; status: number; code: string; message: string };

export interface ApiCallOptions {
  /** The session cookie's token, sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Forwarded so one request id links the web log line and the API log line. */
  requestId?: string;
  /** The page's language, sent as `Accept-Language` so the API answers alarm titles and texts in it. */
  locale?: Locale;
}

/** What every openapi-fetch call resolves to: `data` on 2xx, `error` (the parsed body) otherwise. */
interface FetchOutcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

const TIMEOUT_MS = 10_000;

/**
 * Server-side call to the fleet API. Never throws: failures come back as `{ ok: false }`.
 *
 * @example callApi({ token }, (api) => api.GET('/api/strings/{id}', { params: { path: { id } } }))
 */
export async function callApi<T>(
  options: ApiCallOptions,
  call: (api: ApiClient) => Promise<FetchOutcome<T>>,
): Promise<ApiResult<T>> {
  let outcome: FetchOutcome<T>;
  try {
    outcome = await call(apiClient(options));
  } catch (error) {
    return {
      ok: false,
      status: 0,
      code: 'UNREACHABLE',
      message: `API not reachable: ${(error as Error).message}`,
    };
  }
  const { response } = outcome;
  if (response.ok) {
    return { ok: true, data: outcome.data as T };
  }
  const body = (typeof outcome.error === 'object' && outcome.error !== null ? outcome.error : {}) as {
    code?: unknown;
    message?: unknown;
  };
  return {
    ok: false,
    status: response.status,
    code: typeof body.code === 'string' ? body.code : 'UNKNOWN',
    message: typeof body.message === 'string' ? body.message : `API answered ${response.status}`,
  };
}

/** A client for one call: a fresh timeout, never cached, token, request id and locale on the request. */
function apiClient(options: ApiCallOptions): ApiClient {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) {
    headers.authorization = `Bearer ${options.token}`;
  }
  if (options.requestId) {
    headers['x-request-id'] = options.requestId;
  }
  if (options.locale) {
    headers['accept-language'] = options.locale;
  }
  return createClient<paths>({
    baseUrl: apiBaseUrl(),
    headers,
    cache: 'no-store',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}
