import { describe, expect, it } from 'vitest';
import { parseTopologyForm } from './parse-topology-form';

const problems = { modules: 'bad count' };

function form(rows: Array<{ include: boolean; modules: string; serial?: string }>, note = ''): FormData {
  const f = new FormData();
  rows.forEach((r, i) => {
    f.set(`gateway-${i}`, 'gw-1');
    f.set(`bus-${i}`, 'can0');
    f.set(`address-${i}`, String(i + 1));
    f.set(`serial-${i}`, r.serial ?? '');
    f.set(`modules-${i}`, r.modules);
    if (r.include) {
      f.append('include', String(i));
    }
  });
  f.set('note', note);
  return f;
}

describe('parseTopologyForm', () => {
  it('confirms only the ticked strings, with their module counts and serials', () => {
    const parsed = parseTopologyForm(
      form(
        [
          { include: true, modules: '5', serial: 'S-1' },
          { include: false, modules: '7' },
        ],
        ' done ',
      ),
      problems,
    );
    expect(parsed).toEqual({
      ok: true,
      body: {
        strings: [{ gatewayId: 'gw-1', bus: 'can0', bmsAddress: 1, moduleCount: 5, bmsSerial: 'S-1' }],
        note: 'done',
      },
    });
  });

  it('names each ticked row whose module count is not a whole number from 1 to 64', () => {
    const parsed = parseTopologyForm(
      form([
        { include: true, modules: '0' },
        { include: true, modules: '2.5' },
        { include: false, modules: 'x' },
      ]),
      problems,
    );
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: { 'modules-0': 'bad count', 'modules-1': 'bad count' },
    });
  });

  it('sends an empty serial as null and an empty note as null', () => {
    const parsed = parseTopologyForm(form([{ include: true, modules: '3' }]), problems);
    expect(parsed.ok && parsed.body).toEqual({
      strings: [{ gatewayId: 'gw-1', bus: 'can0', bmsAddress: 1, moduleCount: 3, bmsSerial: null }],
      note: null,
    });
  });
});
