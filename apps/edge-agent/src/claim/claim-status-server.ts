// The gateway's loopback page while it waits to be claimed (same port as the running agent's
// status endpoint): `/` the code and its QR, `/claim` the same as JSON, `/label.svg` the label.
import { createServer, type Server } from 'node:http';
import { claimLabelSvg, claimPageHtml } from './claim-label.js';

export interface ClaimState {
  claimCode: string;
  gatewayId: string | null;
}

/** The claim pages (`/`, `/claim`, `/label.svg`); undefined for any other path. */
export async function claimRoute(
  path: string | undefined,
  state: () => ClaimState,
): Promise<[number, string, string] | undefined> {
  switch (path) {
    case '/':
      return [200, 'text/html; charset=utf-8', await claimPageHtml(state())];
    case '/claim':
      return [200, 'application/json', JSON.stringify({ ...state(), claimed: state().gatewayId !== null })];
    case '/label.svg':
      return [200, 'image/svg+xml', await claimLabelSvg(state().claimCode)];
    default:
      return undefined;
  }
}

export function startClaimStatusServer(
  port: number,
  state: () => ClaimState,
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = req.url?.split('?')[0];
    const answer = async (): Promise<[number, string, string]> => {
      if (req.method !== 'GET') {
        return [405, 'application/json', '{"error":"GET only"}'];
      }
      if (path === '/health') {
        return [200, 'application/json', '{"ok":true}'];
      }
      return (
        (await claimRoute(path, state)) ?? [
          404,
          'application/json',
          '{"error":"GET /, /claim, /label.svg or /health"}',
        ]
      );
    };
    answer().then(
      ([status, type, body]) => res.writeHead(status, { 'content-type': type }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : port });
    });
  });
}
