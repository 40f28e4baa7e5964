import type { Dictionary } from '../../../../i18n/en';

type Problems = Dictionary['warranty']['string']['problems'];
type Parsed<B> = { ok: true; body: B } | { ok: false; fieldErrors: Record<string, string> };

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The commissioning form (a UTC day, who, notes) as the API's body; the day may not lie ahead. */
export function parseCommissioningForm(
  form: FormData,
  p: Problems,
  nowMs: number,
): Parsed<{ commissionedAt: string; commissionedBy: string; notes: string | null }> {
  const dayText = text(form, 'commissionedAt');
  const at = Date.parse(`${dayText}T00:00:00Z`);
  const by = text(form, 'commissionedBy');
  const fieldErrors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dayText) || Number.isNaN(at) || at > nowMs) {
    fieldErrors.commissionedAt = p.date;
  }
  if (by.length < 2) {
    fieldErrors.commissionedBy = p.name;
  }
  if (Object.keys(fieldErrors).length > 0) {
    return { ok: false, fieldErrors };
  }
  return {
    ok: true,
    body: {
      commissionedAt: new Date(at).toISOString(),
      commissionedBy: by,
      notes: text(form, 'notes') || null,
    },
  };
}

/** The region form: a code (upper-cased), or empty to clear it. */
export function parseRegionForm(form: FormData, p: Problems): Parsed<{ warrantyRegion: string | null }> {
  const region = text(form, 'warrantyRegion').toUpperCase();
  if (region !== '' && !/^[A-Z0-9-]{2,10}$/.test(region)) {
    return { ok: false, fieldErrors: { warrantyRegion: p.region } };
  }
  return { ok: true, body: { warrantyRegion: region || null } };
}
