// A TCP pass-through between the agent and a simulator listener that can put bytes on the
// line toward the agent, just before the next reply: noise a real RS485 link picks up.
import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';

export class TcpTap {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private inject: string | undefined;

  constructor(private readonly upstreamPort: number) {}

  async listen(): Promise<number> {
    this.server = createServer((agent) => this.accept(agent));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  /** `text` reaches the agent right before the next chunk the simulator sends. */
  injectBeforeNextReply(text: string): void {
    this.inject = text;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) {
      s.destroy();
    }
    this.server?.close();
  }

  private accept(agent: Socket): void {
    const upstream = connect({ host: '127.0.0.1', port: this.upstreamPort });
    this.sockets.add(agent).add(upstream);
    agent.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (this.inject !== undefined) {
        agent.write(Buffer.from(this.inject, 'latin1'));
        this.inject = undefined;
      }
      agent.write(chunk);
    });
    const end = () => {
      agent.destroy();
      upstream.destroy();
    };
    agent.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  }
}
