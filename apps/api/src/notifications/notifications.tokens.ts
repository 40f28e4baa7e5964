/** The fan-out's own pg pool: the worker's claims and sends never queue behind HTTP reads. */
export const NOTIFY_PG_POOL = Symbol('NOTIFY_PG_POOL');
/**
 * The HTTP side's repositories, on the scoped pool (row-level security in the caller's scope);
 * the worker keeps the class-token instances on NOTIFY_PG_POOL, serving every tenant.
 */
export const HTTP_CHANNELS = Symbol('HTTP_CHANNELS');
export const HTTP_PREFERENCES = Symbol('HTTP_PREFERENCES');
export const HTTP_DELIVERIES = Symbol('HTTP_DELIVERIES');
/** `AppConfig.notify`, for the classes that need only that part. */
export const NOTIFY_CONFIG = Symbol('NOTIFY_CONFIG');
