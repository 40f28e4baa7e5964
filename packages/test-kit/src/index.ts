export { freePort } from './free-port.js';
export { type ClientCert, MtlsBroker, type MtlsBrokerOptions } from './mtls-broker.js';
export { type PrivateNats, type PrivateNatsOptions, startPrivateNats } from './private-nats.js';
export {
  type ProcessOptions,
  type RunningProcess,
  repoRoot,
  run,
  type StopOptions,
  startProcess,
  startTs,
  stopProcess,
  trackProcess,
} from './processes.js';
export { httpOk, type WaitOptions, waitFor } from './wait-for.js';
