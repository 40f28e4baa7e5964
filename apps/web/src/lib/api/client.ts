import { apiBaseUrl } from '../../config/api-url';
import type { ApiErrorBody } from './types';

export type ApiResult<T> =
  | { ok: true; data: T }
  /** `status` 0 = the API did not answer at all. */
  | { ok: false; status: number; code: string; message: string };

interface ApiRequestOptions {
  token?: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Forwarded so one request id links the web log line and the API log line. */
  requestId?: string;
}

/** Server-side call to the fleet API. Never throws: failures come back as `{ ok: false }`. */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) {
    headers.authorization = `Bearer ${options.token}`;
  }
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (options.requestId) {
    headers['x-request-id'] = options.requestId;
  }
  let response: Response;
  try {
    response = await fetch(`${apiBaseUrl()}/api${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: 'no-store',
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    return {
      ok: false,
      status: 0,
      code: 'UNREACHABLE',
      message: `API not reachable: ${(error as Error).message}`,
    };
  }
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (response.ok) {
    return { ok: true, data: body as T };
  }
  const error = (body ?? {}) as Partial<ApiErrorBody>;
  return {
    ok: false,
    status: response.status,
    code: error.code ?? 'UNKNOWN',
    message: error.message ?? `API answered ${response.status}`,
  };
}
