/**
 * The simulator's end of the SLCAN byte stream (a serial device or a TCP listener). Only the
 * classes in this folder open ports.
 */
export interface ByteLinkHandlers {
  /** A host (re)connected; the adapter session starts over. */
  onConnect(): void;
  onData(chunk: Uint8Array): void;
}

export interface ByteLink {
  start(handlers: ByteLinkHandlers): Promise<void>;
  write(text: string): void;
  close(): Promise<void>;
}
