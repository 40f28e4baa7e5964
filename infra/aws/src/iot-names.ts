/**
 * Names shared by every IoT resource of the stack. Client ids of cloud services and of devices
 * being provisioned carry reserved prefixes: IoT Core lets one connection take over another with
 * the same client id account-wide, so no gateway may ever be named with one of them (the
 * pre-provisioning hook refuses such serials).
 */
export const RESERVED_CLIENT_PREFIXES = {
  /** ingest's iot-bridge instances (IOT_BRIDGE_CLIENT_ID). */
  bridge: 'ingest-bridge-',
  /** The api's command requester. */
  api: 'fleet-api-',
  /** A device connected with the shared claim certificate, before it has its own. */
  provisioning: 'provision-',
} as const;

/** The kinds a gateway publishes (topics `bms/v1/<kind>/<gatewayId>`; ingest bridges each to JetStream). */
export const UPLINK_KINDS = ['tlm', 'evt', 'hb'] as const;

export interface IotNames {
  thingType: string;
  gatewayPolicy: string;
  claimPolicy: string;
  bridgePolicy: string;
  apiPolicy: string;
  provisioningTemplate: string;
}

/** Physical names under one prefix, so two environments can share an account and region. */
export function iotNames(prefix: string): IotNames {
  return {
    thingType: `${prefix}-gateway`,
    gatewayPolicy: `${prefix}-gateway`,
    claimPolicy: `${prefix}-provisioning-claim`,
    bridgePolicy: `${prefix}-ingest-bridge`,
    apiPolicy: `${prefix}-api-commands`,
    provisioningTemplate: `${prefix}-gateway-provisioning`,
  };
}
