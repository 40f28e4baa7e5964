// What the e2e tests ask of a running stack, over HTTP only, as the web app and users do.
export const DEMO_LOGIN = { email: 'installer@demo.test', password: 'demo-installer' };

/** The pack fields the simulator reports and the API serves, under the same names. */
export const PACK_FIELDS = [
  'packVoltageDv',
  'packCurrentDa',
  'bmsTempDc',
  'socPct',
  'sohPct',
  'cellMaxMv',
  'cellMinMv',
  'cellMaxNo',
  'cellMinNo',
  'cellTempMaxDc',
  'cellTempMinDc',
] as const;

export type PackValues = Record<(typeof PACK_FIELDS)[number], number> & { ts?: string };

export interface SiteSummary {
  id: string;
  name: string;
  strings: { id: string; name: string; bmsAddress: number }[];
  gatewayIds: string[];
}

export async function login(apiBase: string): Promise<string> {
  const res = await fetch(`${apiBase}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_LOGIN),
  });
  if (!res.ok) {
    throw new Error(`login answered ${res.status}`);
  }
  return ((await res.json()) as { token: string }).token;
}

export async function getJson<T>(url: string, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

interface SimState {
  lastReplies: { at: string; bmsAddress: number; pack: PackValues }[];
}

export function packOf(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(PACK_FIELDS.map((f) => [f, values[f]]));
}

/** The simulator's answered bursts for one address, newest first, reduced to the pack fields. */
export async function simulatorReplies(
  simBase: string,
  bmsAddress: number,
): Promise<Record<string, unknown>[]> {
  const { body } = await getJson<SimState>(`${simBase}/state`);
  return body.lastReplies.filter((r) => r.bmsAddress === bmsAddress).map((r) => packOf(r.pack));
}
