// The confirm form (issue 10) → the body of POST /api/sites/{id}/topology/confirm. Pure.
// Each found string is row <i> with hidden gateway/bus/address/serial fields, an `include`
// checkbox (value i) and a `modules-<i>` count.
import type { ExpectedString } from './topology-types';

export type ParsedTopologyForm =
  | { ok: true; body: { strings: ExpectedString[]; note: string | null } }
  | { ok: false; fieldErrors: Record<string, string> };

export function parseTopologyForm(form: FormData, problems: { modules: string }): ParsedTopologyForm {
  const strings: ExpectedString[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const raw of form.getAll('include')) {
    const i = String(raw);
    const text = (k: string) => String(form.get(`${k}-${i}`) ?? '').trim();
    const modules = Number(text('modules'));
    if (!/^\d+$/.test(text('modules')) || modules < 1 || modules > 64) {
      fieldErrors[`modules-${i}`] = problems.modules;
      continue;
    }
    strings.push({
      gatewayId: text('gateway'),
      bus: text('bus'),
      bmsAddress: Number(text('address')),
      moduleCount: modules,
      bmsSerial: text('serial') || null,
    });
  }
  if (Object.keys(fieldErrors).length > 0) {
    return { ok: false, fieldErrors };
  }
  const note = String(form.get('note') ?? '').trim();
  return { ok: true, body: { strings, note: note === '' ? null : note } };
}
