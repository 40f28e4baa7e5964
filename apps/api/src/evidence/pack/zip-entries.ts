import type { Readable } from 'node:stream';
import yazl from 'yazl';

export interface ZipEntry {
  name: string;
  /** Opened only when the ZIP reaches the entry (yazl reads entries one after the other). */
  open: () => Readable;
}

/**
 * The ZIP as a readable stream. Entries are read in order, one at a time, so memory holds one
 * chunk of one file however large the files are. All entries carry `mtime`, the pack's time.
 */
export function zipEntries(entries: readonly ZipEntry[], mtime: Date): Readable {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    zip.addReadStreamLazy(entry.name, { mtime }, (done) => done(null, entry.open()));
  }
  zip.end();
  return zip.outputStream as Readable;
}
