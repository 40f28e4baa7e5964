import { corrupt, type DecodeResult, ok } from '../bytes/decode-result.js';
import type { InfoReader } from './info-reader.js';

/** Ends a decode: refuses INFO that was too short or left bytes nobody read. */
export function finishInfo<T>(reader: InfoReader, what: string, value: T): DecodeResult<T> {
  if (reader.short) {
    return corrupt(`${what}: INFO ends early`);
  }
  if (reader.remaining > 0) {
    return corrupt(`${what}: ${reader.remaining} unexpected bytes after byte ${reader.position}`);
  }
  return ok(value);
}
