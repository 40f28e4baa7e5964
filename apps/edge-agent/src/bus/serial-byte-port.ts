import { SerialPort } from 'serialport';
import type { BytePort, BytePortHandlers } from './byte-port.js';

/** SLCAN over a serial device: a USB adapter (CANable and alikes) or one end of a socat pty. */
export class SerialBytePort implements BytePort {
  private port: SerialPort | undefined;

  constructor(
    private readonly path: string,
    // SLCAN adapters are USB CDC (the rate is ignored); RS485 and console UARTs need theirs.
    private readonly baudRate = 115_200,
  ) {}

  get description(): string {
    return this.path;
  }

  open(handlers: BytePortHandlers): Promise<void> {
    return new Promise((resolve, reject) => {
      // The baud rate only matters for real UART adapters; USB CDC and ptys ignore it.
      const port = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false });
      port.on('data', (chunk: Buffer) => handlers.onData(chunk));
      port.on('close', () => handlers.onClose('serial device closed'));
      port.on('error', () => undefined); // 'close' follows; the reason is reported there
      port.open((error) => {
        if (error) {
          reject(new Error(`cannot open serial device ${this.path}: ${error.message}`));
          return;
        }
        this.port = port;
        resolve();
      });
    });
  }

  write(text: string): void {
    if (this.port?.isOpen) {
      this.port.write(text);
    }
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) {
      port.removeAllListeners('close');
      await new Promise<void>((resolve) => port.close(() => resolve()));
    }
  }
}
