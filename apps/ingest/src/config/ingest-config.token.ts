/** Injection token of the parsed `IngestConfig`. */
export const INGEST_CONFIG = Symbol('INGEST_CONFIG');
