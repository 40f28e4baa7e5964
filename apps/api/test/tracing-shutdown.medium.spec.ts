import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// tsx reads the api's tsconfig.json (its decorators) from the working directory.
const apiDir = fileURLToPath(new URL('../', import.meta.url));

interface OtlpSpan {
  name: string;
}

/**
 * An OTLP/HTTP receiver: what the api's exporter (JSON, `@opentelemetry/exporter-trace-otlp-http`)
 * posts to `/v1/traces`, as span names in arrival order.
 */
async function startOtlpReceiver(): Promise<{ server: Server; url: string; spans: string[] }> {
  const spans: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
        };
        spans.push(
          ...body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans.map((x) => x.name))),
        );
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans };
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

// The api process as main.ts runs it (from source). It needs no database for this: liveness asks
// none, and a database refusing connections only makes it not ready.
describe('api shutdown flushes spans', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let api: ChildProcess;
  let output = '';
  let baseUrl: string;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, ['--conditions=@fleet/source', '--import', 'tsx', 'src/main.ts'], {
      cwd: apiDir,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none',
        AUTH_SECRET: randomBytes(32).toString('hex'),
        API_PORT: String(port),
        LOG_LEVEL: 'warn',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        // Far beyond the test: without the shutdown flush, the batch processor would send nothing.
        OTEL_BSP_SCHEDULE_DELAY: '600000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    api.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const until = Date.now() + 90_000;
    for (;;) {
      const ok = await fetch(`${baseUrl}/api/health/live`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) {
        break;
      }
      if (Date.now() > until || api.exitCode !== null) {
        throw new Error(`api did not come up:\n${output.slice(-4000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  afterAll(async () => {
    if (api && api.exitCode === null && api.signalCode === null) {
      api.kill('SIGKILL');
    }
    receiver?.server.close();
  });

  it('sends the spans of requests answered just before SIGTERM to the exporter, then exits 0', async () => {
    expect((await fetch(`${baseUrl}/api/sites`)).status).toBe(401);
    // Nothing was exported yet: the spans wait in the batch processor.
    expect(receiver.spans).toEqual([]);
    const exited = once(api, 'exit');
    api.kill('SIGTERM');
    const [code] = await exited;
    expect(code, output.slice(-4000)).toBe(0);
    expect(receiver.spans).toContain('GET /api/sites');
    expect(receiver.spans).toContain('GET /api/health/live');
  });
});
