/** One connection to an SLCAN adapter's byte stream (serial device or TCP). */
export interface BytePortHandlers {
  onData(chunk: Uint8Array): void;
  /** The connection ended (device unplugged, socket closed); the transport reconnects. */
  onClose(reason: string): void;
}

export interface BytePort {
  /** For logs: the device path or URL. */
  readonly description: string;
  /** Opens a new connection; rejects with a clear message when it cannot. */
  open(handlers: BytePortHandlers): Promise<void>;
  write(text: string): void;
  close(): Promise<void>;
}
