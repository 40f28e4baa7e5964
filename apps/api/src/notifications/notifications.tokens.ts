/** The fan-out's own pg pool: the worker's claims and sends never queue behind HTTP reads. */
export const NOTIFY_PG_POOL = Symbol('NOTIFY_PG_POOL');
/** `AppConfig.notify`, for the classes that need only that part. */
export const NOTIFY_CONFIG = Symbol('NOTIFY_CONFIG');
