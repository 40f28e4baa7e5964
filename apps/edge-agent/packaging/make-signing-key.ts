// Makes an Ed25519 key pair for signing agent releases in development:
//   npm run signing-key -w @fleet/edge-agent -- <dir>
// writes <dir>/update-signing.key (private, mode 0600; never commit it) and update-signing.pub
// (what gateways carry as /etc/fleet-agent/update-signing.pub). Production keys are made and
// kept offline by whoever signs releases; this script is the same call.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? '.');
const privatePath = join(dir, 'update-signing.key');
if (existsSync(privatePath)) {
  process.stderr.write(`${privatePath} exists; not overwriting a signing key\n`);
  process.exit(1);
}
mkdirSync(dir, { recursive: true });
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
writeFileSync(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
writeFileSync(join(dir, 'update-signing.pub'), publicKey.export({ type: 'spki', format: 'pem' }));
process.stdout.write(`${privatePath}\n${join(dir, 'update-signing.pub')}\n`);
