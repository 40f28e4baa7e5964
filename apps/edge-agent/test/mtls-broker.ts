// A private Mosquitto with mutual TLS standing in for AWS IoT Core: the templates and ACL of
// infra/mosquitto, a CA and client certificates (CN = identity) made here with openssl, a free
// port. Never the machine's broker on 1883. (apps/ingest/test has its own: apps do not share
// test code.)
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { freePort, repoRoot, waitFor } from './processes.js';

const infra = join(repoRoot, 'infra/mosquitto');

export interface ClientCert {
  cert: string;
  key: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

function makeCa(dir: string): void {
  openssl(dir, [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2'],
    ...['-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=test-ca'],
    ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
  ]);
}

/** `<name>.pem`/`<name>.key` with CN `name`, signed by the CA. */
function makeLeaf(dir: string, name: string, extensions: string): void {
  openssl(dir, [
    ...['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`],
    ...['-subj', `/CN=${name}`],
  ]);
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(dir, [
    ...['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial'],
    ...['-days', '2', '-out', `${name}.pem`, '-extfile', `${name}.ext`],
  ]);
}

export class MtlsBroker {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {}

  /** Starts the broker with a client certificate for each identity (a gateway id, `fleet-api`, …). */
  static async start(identities: string[]): Promise<MtlsBroker> {
    const dir = mkdtempSync(join(tmpdir(), 'agent-mtls-'));
    makeCa(dir);
    makeLeaf(dir, 'server', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
    for (const cn of identities) {
      makeLeaf(dir, cn, 'extendedKeyUsage=clientAuth\n');
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
    const child = spawn('mosquitto', ['-c', join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
    const broker = new MtlsBroker(dir, port, child);
    await waitFor(
      'mosquitto to accept TLS',
      () => broker.handshake(identities[0] ?? ''),
      15_000,
      () => broker.log(),
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

  log(): string {
    try {
      return readFileSync(join(this.dir, 'mosquitto.log'), 'utf8').slice(-4000);
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
