// Which NATS the stack uses: NATS_URL when set; else one answering on 127.0.0.1:4222; else
// `nats-server` from PATH with JetStream, storing in <data dir>/nats; else a clear message.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ok, step } from './log.mjs';
import { portAnswers, waitFor } from './probe.mjs';

export const NATS_HELP = [
  'No NATS server found: nothing answers on 127.0.0.1:4222 and there is no nats-server on PATH.',
  'Get one (JetStream is built in) in any of these ways, then run npm start again:',
  '  Debian/Ubuntu:  sudo apt-get install nats-server',
  '  macOS:          brew install nats-server',
  '  Docker:         docker compose up -d nats',
  'or point NATS_URL at a NATS server with JetStream enabled.',
].join('\n');

export async function resolveNats({ dataDir, children }) {
  if (process.env.NATS_URL) {
    ok(`NATS from NATS_URL (${process.env.NATS_URL})`);
    return process.env.NATS_URL;
  }
  if (await portAnswers(4222)) {
    ok('NATS on 127.0.0.1:4222');
    return 'nats://127.0.0.1:4222';
  }
  const which = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' });
  const binary = which.stdout.trim();
  if (which.status !== 0 || binary === '') {
    throw Object.assign(new Error(NATS_HELP), { friendly: true });
  }
  const storeDir = join(dataDir, 'nats');
  mkdirSync(storeDir, { recursive: true });
  step(`starting ${binary} with JetStream in ${storeDir}`);
  children.spawn('nats', binary, ['-a', '127.0.0.1', '-p', '4222', '-js', '-sd', storeDir]);
  await waitFor('nats-server', () => portAnswers(4222), 20_000);
  ok('nats-server on 127.0.0.1:4222');
  return 'nats://127.0.0.1:4222';
}
