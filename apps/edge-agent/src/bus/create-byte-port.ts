import type { SlcanEndpoint } from '../config/agent-config.js';
import type { BytePort } from './byte-port.js';
import { SerialBytePort } from './serial-byte-port.js';
import { TcpBytePort } from './tcp-byte-port.js';

export function createBytePort(endpoint: SlcanEndpoint): BytePort {
  return endpoint.kind === 'serial'
    ? new SerialBytePort(endpoint.path)
    : new TcpBytePort(endpoint.host, endpoint.port);
}
