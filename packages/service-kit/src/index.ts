export {
  type CliConfigSpec,
  type CliOption,
  type ConfigIssue,
  type LoadConfigResult,
  loadCliConfig,
  USAGE_EXIT_CODE,
} from './cli-config/load-cli-config.js';
export {
  createServiceLogger,
  type Logger,
  REDACTED_PATHS,
  type ServiceLogOptions,
} from './create-service-logger.js';
export { logContextMixin, withLogContext } from './log-context.js';
