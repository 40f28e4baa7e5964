// A test driver: the agent's own IoT Core connection and publisher, run as a process by
// tests outside this workspace (apps/ingest's iot-bridge test), which must not import it.
// Publishes `--count` batches of two pack samples, one JSON line per attempt on stdout, then
// exits explicitly (the SDK's native handle would keep the process alive).
//   node --conditions=@fleet/source --import tsx apps/edge-agent/test/iot-publish.ts \
//     --host 127.0.0.1 --port 8883 --cert a.pem --key a.key --ca ca.pem --gateway-id gw-a --boot-id b1 --count 3
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { EnvelopeFactory } from '../src/publish/envelope-factory.js';
import { IotCoreConnection } from '../src/publish/mqtt/iot-core-connection.js';
import { IotCorePublisher } from '../src/publish/mqtt/iot-core-publisher.js';
import { PublishRefusedError } from '../src/publish/publish-refused.error.js';
import { PACK } from './burst.js';
import { FakeClock } from './fakes.js';

const { values: a } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string' },
    cert: { type: 'string' },
    key: { type: 'string' },
    ca: { type: 'string' },
    'gateway-id': { type: 'string' },
    'boot-id': { type: 'string', default: 'boot-iot-test' },
    count: { type: 'string', default: '1' },
    'connect-timeout-ms': { type: 'string', default: '15000' },
    /** Time of the first sample; later runs use a later start so their samples are new. */
    t0: { type: 'string', default: '2026-11-25T12:00:00Z' },
  },
});
const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const gatewayId = a['gateway-id'] ?? '';
const logger = pino({ level: 'warn' }, process.stderr);
const connection = new IotCoreConnection(
  {
    host: a.host ?? '127.0.0.1',
    port: Number(a.port),
    certPath: a.cert ?? '',
    keyPath: a.key ?? '',
    caPath: a.ca,
    clientId: gatewayId,
    iotCoreLimits: false,
  },
  logger,
);
connection.start();
const deadline = Date.now() + Number(a['connect-timeout-ms']);
while (!connection.connected && Date.now() < deadline) {
  await new Promise((r) => setTimeout(r, 50));
}
if (!connection.connected) {
  say({ connected: false, failedAttempts: connection.failedAttempts });
  await connection.close();
  process.exit(3);
}
say({ connected: true });
const clock = new FakeClock(Date.parse(a.t0 ?? ''));
const envelopes = new EnvelopeFactory(gatewayId, a['boot-id'] ?? 'boot-iot-test', clock);
const publisher = new IotCorePublisher(connection, logger);
for (let i = 0; i < Number(a.count); i += 1) {
  const samples = [0, 1].map((k) => ({
    kind: 'pack' as const,
    ts: new Date(clock.ms + k * 1000).toISOString(),
    bus: 'can0',
    bmsAddress: 0,
    ...PACK,
  }));
  clock.ms += 5000;
  const envelope = envelopes.create(samples);
  try {
    await publisher.publish(envelope);
    say({ seq: envelope.seq, ok: true });
  } catch (error) {
    const refused = error instanceof PublishRefusedError;
    say({
      seq: envelope.seq,
      ok: false,
      refused,
      ...(refused ? { reasonCode: error.reasonCode, permanent: error.permanent } : {}),
      error: (error as Error).message,
    });
  }
}
await connection.close();
process.exit(0);
