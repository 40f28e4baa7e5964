/** Names of a pack's stored files (evidence_pack_file.name) and of the entries of its ZIP. */
export const PDF_FILE = 'evidence-report.pdf';
export const ZIP_FILE = 'evidence-pack.zip';
/** CSVs are stored under this prefix while the pack is made, and dropped once the ZIP holds them. */
export const CSV_PREFIX = 'csv/';

/** What generated the pack, written into manifest.json and the PDF. */
export const GENERATOR = 'fleet-api evidence pack';
/** Bumped when a file's layout changes, so a recipient knows which layout a pack follows. */
export const GENERATOR_VERSION = '1.0.0';
