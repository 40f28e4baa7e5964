import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Yaml } from 'cdk8s';
import { fleetSizes } from './fleet-size.js';
import { renderManifests } from './render.js';

// `npm run synth -w @fleet/infra-k8s`: dist/<size>/fleet.yaml for every fleet size, for
// `kubectl apply -f` (or a kustomization that patches image and endpoints).
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
for (const settings of Object.values(fleetSizes)) {
  const file = join(out, settings.size, 'fleet.yaml');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Yaml.stringify(...renderManifests(settings)));
  console.log(`wrote ${file}`);
}
