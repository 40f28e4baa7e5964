export { NestLogger } from './nest-logger.js';
