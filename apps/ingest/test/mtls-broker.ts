// A private Mosquitto with mutual TLS, started by the test on a free port from the templates in
// infra/mosquitto, with a CA and certificates the test makes itself (openssl). Never the
// machine's broker on 1883.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { freePort } from './ingest-process.js';
import { waitFor } from './wait-for.js';

const infra = fileURLToPath(new URL('../../../infra/mosquitto/', import.meta.url));

export interface ClientCert {
  cert: string;
  key: string;
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
    private readonly child: ChildProcess,
  ) {}

  /** Starts the broker with certificates for `ingest-bridge` and each of `gateways` (CN = gateway id). */
  static async start(gateways: string[]): Promise<MtlsBroker> {
    const clients = ['ingest-bridge', ...gateways];
    const dir = mkdtempSync(join(tmpdir(), 'mtls-broker-'));
    makeCa(dir, 'ca');
    makeLeaf(
      dir,
      'ca',
      'server',
      'localhost',
      'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n',
    );
    for (const cn of clients) {
      makeLeaf(dir, 'ca', cn, cn, 'extendedKeyUsage=clientAuth\n');
    }
    // A stranger: a well-formed client certificate from a CA the broker does not trust.
    makeCa(dir, 'foreign-ca');
    makeLeaf(dir, 'foreign-ca', 'foreign', gateways[0] ?? 'foreign', 'extendedKeyUsage=clientAuth\n');

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
    const child = spawn('mosquitto', ['-c', join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
    const broker = new MtlsBroker(dir, port, child);
    await waitFor('mosquitto to accept TLS', () => broker.handshake(), { timeoutMs: 15_000 }).catch(
      (error: Error) => Promise.reject(new Error(`${error.message}\n${broker.log()}`)),
    );
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

  get foreign(): ClientCert {
    return this.client('foreign');
  }

  log(): string {
    try {
      return readFileSync(join(this.dir, 'mosquitto.log'), 'utf8');
    } catch {
      return '(no mosquitto log)';
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = once(this.child, 'exit');
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** One TLS handshake as the bridge: the listener is up and the PKI works. */
  private handshake(): Promise<boolean> {
    const { cert, key } = this.client('ingest-bridge');
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
