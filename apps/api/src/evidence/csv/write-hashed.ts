import { createHash } from 'node:crypto';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A stored file's fingerprint, as the manifest lists it. */
export interface FileDigest {
  sha256: string;
  bytes: number;
}

/**
 * Streams `chunks` into `target` (back-pressure respected) and returns the SHA-256 and size of
 * exactly the bytes written, so the manifest describes what was stored, not what was meant.
 */
export async function writeHashed(
  target: Writable,
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
): Promise<FileDigest> {
  const hash = createHash('sha256');
  let bytes = 0;
  async function* tapped(): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      hash.update(buffer);
      bytes += buffer.length;
      yield buffer;
    }
  }
  await pipeline(Readable.from(tapped()), target);
  return { sha256: hash.digest('hex'), bytes };
}
