import { connect, type Socket } from 'node:net';
import type { BytePort, BytePortHandlers } from './byte-port.js';

/** SLCAN over TCP (the simulator's `--tcp` listener, or a serial-to-TCP bridge). */
export class TcpBytePort implements BytePort {
  private socket: Socket | undefined;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  get description(): string {
    return `tcp://${this.host}:${this.port}`;
  }

  open(handlers: BytePortHandlers): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port });
      socket.once('error', (error) =>
        reject(new Error(`cannot connect to ${this.description}: ${error.message}`)),
      );
      socket.once('connect', () => {
        this.socket = socket;
        socket.removeAllListeners('error');
        socket.on('error', () => undefined); // 'close' follows
        socket.on('data', (chunk) => handlers.onData(chunk));
        socket.on('close', () => handlers.onClose('TCP connection closed'));
        resolve();
      });
    });
  }

  write(text: string): void {
    this.socket?.write(text);
  }

  async close(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    socket?.removeAllListeners('close');
    socket?.destroy();
  }
}
