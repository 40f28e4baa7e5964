import type { FileDigest } from '../csv/write-hashed.js';

export const MANIFEST_JSON = 'manifest.json';

export interface ManifestInput {
  generator: string;
  generatorVersion: string;
  packId: string;
  stringId: string;
  stringName: string;
  period: { from: Date; to: Date };
  generatedAt: Date;
  files: ReadonlyArray<{ name: string } & FileDigest>;
}

/**
 * manifest.json of the ZIP: every other file of the ZIP (the CSVs and the PDF) with its SHA-256
 * and size, so a recipient can check nothing was altered (`sha256sum` against each entry).
 * The manifest cannot hold its own hash; the pack's record keeps the ZIP's.
 */
export function manifestJson(input: ManifestInput): string {
  const manifest = {
    generator: input.generator,
    generatorVersion: input.generatorVersion,
    packId: input.packId,
    stringId: input.stringId,
    stringName: input.stringName,
    period: { from: input.period.from.toISOString(), to: input.period.to.toISOString() },
    generatedAt: input.generatedAt.toISOString(),
    hashAlgorithm: 'sha256',
    files: input.files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes })),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
