import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoSiteCoordinates, loadDemoFleet } from './demo-fleet.js';

describe('loadDemoFleet', () => {
  it('reads the fleet npm start runs: three gateways, one MBMS1000 with two strings', () => {
    const sut = loadDemoFleet();
    expect(sut.gateways.map((g) => g.gatewayId)).toEqual(['gw-demo-1', 'gw-demo-2', 'gw-demo-3']);
    expect(sut.gateways.find((g) => g.mbms)?.addresses).toEqual([1, 2]);
  });

  it('places every demo site on the map: its own coordinates, else its town', () => {
    const [first] = loadDemoFleet().gateways;
    for (const gateway of loadDemoFleet().gateways) {
      expect(demoSiteCoordinates(gateway), gateway.site).not.toBeNull();
    }
    expect(demoSiteCoordinates({ ...first!, latitude: 1, longitude: 2 })).toEqual({
      latitude: 1,
      longitude: 2,
    });
    expect(demoSiteCoordinates({ ...first!, site: 'Nowhere, Atlantis' })).toBeNull();
  });

  it('refuses a bad file, naming the file and the field', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fleet-')), 'bad.json');
    const good = loadDemoFleet();
    writeFileSync(path, JSON.stringify({ ...good, gateways: [{ ...good.gateways[0], modules: 40 }] }));
    expect(() => loadDemoFleet(path)).toThrow(/bad\.json is not a valid demo fleet: gateways\.0\.modules/);
  });
});
