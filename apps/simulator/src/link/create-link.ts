import type { LinkSpec } from '../config/sim-config.js';
import type { Logger } from '../logger.js';
import type { ByteLink } from './byte-link.js';
import { SerialLink } from './serial-link.js';
import { TcpLink } from './tcp-link.js';

/** The byte link of one wire interface: a serial device or a TCP listener. */
export function createLink(spec: LinkSpec, logger: Logger, listenHost: string): ByteLink {
  return spec.kind === 'serial'
    ? new SerialLink(spec.path, logger)
    : new TcpLink(spec.port, logger, listenHost);
}
