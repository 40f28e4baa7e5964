// A BytePort for the RS485 and console clients' small tests: answers each write synchronously
// with whatever `answer` returns (so a FakeClock timeout never races a reply), can be fed
// unasked bytes, and can be unplugged.
import type { BytePort, BytePortHandlers } from '../src/bus/byte-port.js';

export class FakeLinePort implements BytePort {
  readonly written: string[] = [];
  opens = 0;
  private handlers: BytePortHandlers | undefined;

  constructor(
    readonly description: string,
    public answer: (text: string) => string | undefined = () => undefined,
  ) {}

  async open(handlers: BytePortHandlers): Promise<void> {
    this.opens += 1;
    this.handlers = handlers;
  }

  write(text: string): void {
    this.written.push(text);
    const reply = this.answer(text);
    if (reply !== undefined) {
      this.feed(reply);
    }
  }

  feed(text: string): void {
    this.handlers?.onData(Buffer.from(text, 'latin1'));
  }

  unplug(): void {
    const handlers = this.handlers;
    this.handlers = undefined;
    handlers?.onClose('unplugged');
  }

  async close(): Promise<void> {
    this.handlers = undefined;
  }
}

/** Lets connect loops and promise chains run. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}
