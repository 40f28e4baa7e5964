// First start of a gateway (issue 10): `fleet-agent-claim enrol` shows the claim code (loopback
// page with QR, and the log), polls the cloud until an installer claimed the code, writes the
// credentials into the data dir and exits 0; the agent then runs with them. `code` and `label`
// print the code and a printable SVG label for the gateway's housing.
import { Command, InvalidArgumentError } from 'commander';
import { createLogger, type Logger } from '../logger.js';
import { claimLabelSvg } from './claim-label.js';
import { startClaimStatusServer } from './claim-status-server.js';
import { saveEnrolment } from './enrolment-client.js';
import { type GatewayIdentity, loadOrCreateIdentity } from './gateway-identity.js';
import { waitForClaim } from './wait-for-claim.js';

const DEFAULT_DATA_DIR = '/var/lib/fleet-agent';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) {
    throw new InvalidArgumentError('must be a whole number 0..65535');
  }
  return n;
}

interface EnrolOptions {
  dataDir: string;
  apiUrl: string;
  statusPort: number;
  pollS: number;
}

/** Polls until claimed (0) or the key is revoked (3); network errors and refusals are retried. */
async function pollUntilClaimed(
  opts: EnrolOptions,
  identity: GatewayIdentity,
  logger: Logger,
  onClaimed: (gatewayId: string) => void,
): Promise<number> {
  const answer = await waitForClaim({ apiUrl: opts.apiUrl, pollS: opts.pollS, identity, logger });
  if (typeof answer === 'string') {
    return 3;
  }
  onClaimed(answer.gatewayId);
  const saved = saveEnrolment(opts.dataDir, identity, answer);
  logger.info(saved, 'claimed: credentials written; run the agent with --gateway-id and --nats-creds');
  process.stdout.write(`${JSON.stringify(saved)}\n`);
  return 0;
}

async function enrol(opts: EnrolOptions): Promise<number> {
  const identity = loadOrCreateIdentity(opts.dataDir);
  const logger = createLogger('info', 'unclaimed').child({ claimCode: identity.claimCode });
  let gatewayId: string | null = null;
  const { server, port } = await startClaimStatusServer(opts.statusPort, () => ({
    claimCode: identity.claimCode,
    gatewayId,
  }));
  logger.info(
    { url: `http://127.0.0.1:${port}/` },
    'waiting to be claimed; the code and its QR are on the status page',
  );
  try {
    return await pollUntilClaimed(opts, identity, logger, (id) => {
      gatewayId = id;
    });
  } finally {
    server.close();
  }
}

const program = new Command('fleet-agent-claim').description('Claim code and enrolment of this gateway');
program
  .command('code')
  .description('print the claim code (makes the gateway key on first use)')
  .option('--data-dir <dir>', 'where the gateway key is kept', DEFAULT_DATA_DIR)
  .action((opts: { dataDir: string }) => {
    process.stdout.write(`${loadOrCreateIdentity(opts.dataDir).claimCode}\n`);
  });
program
  .command('label')
  .description('print a 62 × 29 mm SVG label with the claim code and its QR code')
  .option('--data-dir <dir>', 'where the gateway key is kept', DEFAULT_DATA_DIR)
  .action(async (opts: { dataDir: string }) => {
    process.stdout.write(await claimLabelSvg(loadOrCreateIdentity(opts.dataDir).claimCode));
  });
program
  .command('enrol')
  .description('wait until an installer claims this gateway, then write its NATS credentials')
  .requiredOption('--api-url <url>', 'the cloud API, e.g. https://fleet.example.com')
  .option('--data-dir <dir>', 'where the gateway key and credentials are kept', DEFAULT_DATA_DIR)
  .option('--status-port <port>', 'loopback port of the claim page (0: any free port)', positiveInt, 9180)
  .option('--poll-s <seconds>', 'seconds between polls', positiveInt, 10)
  .action(async (opts: EnrolOptions) => {
    process.exitCode = await enrol(opts);
  });

await program.parseAsync();
