export {
  createServiceLogger,
  type Logger,
  REDACTED_PATHS,
  type ServiceLogOptions,
} from './create-service-logger.js';
