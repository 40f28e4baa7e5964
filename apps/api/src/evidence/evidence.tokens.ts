/** EvidencePackRepository on the scoped pool (request path, row-level security). */
export const PACK_READER = Symbol('EVIDENCE_PACK_READER');
/**
 * EvidenceFileRepository on the system pool, for downloads: the service first finds the pack in
 * the caller's scope, and the file's chunks are then read after the handler returned, while the
 * response streams, where the request's scope is no longer reliably the current async context.
 */
export const FILE_STREAMER = Symbol('EVIDENCE_FILE_STREAMER');
/** The runner (system pool: it serves every organisation). */
export const EVIDENCE_RUNNER = Symbol('EVIDENCE_RUNNER');
