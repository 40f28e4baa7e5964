// A private Mosquitto with mutual TLS, standing in for AWS IoT Core in the agent's and the
// iot-bridge's tests: the config template and ACL shipped in infra/mosquitto (so the tests check
// what is deployed), a CA and certificates made here with openssl (CN = the client's identity, as
// IoT Core's policies use the certificate's thing name), a free port. Never the machine's broker
// on 1883.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { freePort } from './free-port.js';
import { type RunningProcess, repoRoot, startProcess } from './processes.js';
import { waitFor } from './wait-for.js';

const infra = join(repoRoot, 'infra/mosquitto');

export interface ClientCert {
  /** Path of the PEM certificate. */
  cert: string;
  /** Path of the PEM private key. */
  key: string;
}

export interface MtlsBrokerOptions {
  /**
   * Also make `foreign`: a well-formed client certificate with this CN from a CA the broker does
   * not trust, for tests that check a stranger cannot connect even under a known identity.
   */
  foreignCn?: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A CA (basicConstraints CA:TRUE) named `name` in `dir`: `<name>.pem`, `<name>.key`. */
function makeCa(dir: string, name: string): void {
  openssl(dir, [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2'],
    ...['-keyout', `${name}.key`, '-out', `${name}.pem`, '-subj', `/CN=${name}`],
    ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
  ]);
}

/** A leaf certificate `<file>.pem`/`<file>.key` with CN `cn`, signed by CA `ca`. */
function makeLeaf(dir: string, ca: string, file: string, cn: string, extensions: string): void {
  openssl(dir, [
    ...['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${file}.key`, '-out', `${file}.csr`],
    ...['-subj', `/CN=${cn}`],
  ]);
  writeFileSync(join(dir, `${file}.ext`), extensions);
  openssl(dir, [
    ...['x509', '-req', '-in', `${file}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-CAcreateserial'],
    ...['-days', '2', '-out', `${file}.pem`, '-extfile', `${file}.ext`],
  ]);
}

export class MtlsBroker {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly process: RunningProcess,
  ) {}

  /**
   * Starts the broker with a client certificate for each identity (a gateway id, `fleet-api`,
   * `ingest-bridge`, …) and resolves once a TLS handshake as the first identity succeeds: the
   * listener is up and the PKI works.
   */
  static async start(identities: string[], options: MtlsBrokerOptions = {}): Promise<MtlsBroker> {
    const dir = mkdtempSync(join(tmpdir(), 'mtls-broker-'));
    makeCa(dir, 'ca');
    makeLeaf(
      dir,
      'ca',
      'server',
      'localhost',
      'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n',
    );
    for (const cn of identities) {
      makeLeaf(dir, 'ca', cn, cn, 'extendedKeyUsage=clientAuth\n');
    }
    if (options.foreignCn !== undefined) {
      makeCa(dir, 'foreign-ca');
      makeLeaf(dir, 'foreign-ca', 'foreign', options.foreignCn, 'extendedKeyUsage=clientAuth\n');
    }

    const port = await freePort();
    const conf = readFileSync(join(infra, 'mosquitto-mtls.conf.template'), 'utf8')
      .replaceAll('{{DIR}}', dir)
      .replaceAll('{{PORT}}', String(port));
    writeFileSync(join(dir, 'mosquitto.conf'), conf);
    writeFileSync(join(dir, 'acl'), readFileSync(join(infra, 'acl')));
    // Mosquitto started as root runs as `mosquitto`: it must read the keys and write its log.
    chmodSync(dir, 0o777);
    for (const file of readdirSync(dir)) {
      chmodSync(join(dir, file), 0o644);
    }
    const child = startProcess('mosquitto', 'mosquitto', ['-c', join(dir, 'mosquitto.conf')]);
    const broker = new MtlsBroker(dir, port, child);
    try {
      await waitFor(
        'mosquitto to accept TLS',
        () => broker.handshake(identities[0] ?? ''),
        15_000,
        () => `${child.output()}\n${broker.log()}`,
      );
    } catch (error) {
      await broker.stop();
      throw error;
    }
    return broker;
  }

  get url(): string {
    return `mqtts://127.0.0.1:${this.port}`;
  }

  get caPath(): string {
    return join(this.dir, 'ca.pem');
  }

  client(cn: string): ClientCert {
    return { cert: join(this.dir, `${cn}.pem`), key: join(this.dir, `${cn}.key`) };
  }

  /** The untrusted certificate made for `foreignCn` (start option). */
  get foreign(): ClientCert {
    return this.client('foreign');
  }

  /** The tail of mosquitto's log (the config logs to a file in `dir`), for failure messages. */
  log(maxChars = 4000): string {
    try {
      return readFileSync(join(this.dir, 'mosquitto.log'), 'utf8').slice(-maxChars);
    } catch {
      return '(no mosquitto log)';
    }
  }

  async stop(): Promise<void> {
    await this.process.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private handshake(cn: string): Promise<boolean> {
    const { cert, key } = this.client(cn);
    return new Promise((resolve) => {
      const socket = tlsConnect({
        host: '127.0.0.1',
        port: this.port,
        ca: readFileSync(this.caPath),
        cert: readFileSync(cert),
        key: readFileSync(key),
      });
      socket.once('secureConnect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  }
}
