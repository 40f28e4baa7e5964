import type { SlcanEndpoint } from '../config/agent-config.js';
import type { BytePort } from './byte-port.js';
import { SerialBytePort } from './serial-byte-port.js';
import { TcpBytePort } from './tcp-byte-port.js';

/** `baudRate` only matters for a UART behind a serial device (RS485, console). */
export function createBytePort(endpoint: SlcanEndpoint, baudRate?: number): BytePort {
  return endpoint.kind === 'serial'
    ? new SerialBytePort(endpoint.path, baudRate)
    : new TcpBytePort(endpoint.host, endpoint.port);
}
