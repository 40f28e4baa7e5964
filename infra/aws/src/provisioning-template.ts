import type { IotNames } from './iot-names.js';

/**
 * The fleet provisioning template: the gateway's serial is its gateway id and becomes the thing
 * name; its certificate (from its own CSR) is activated and gets the gateway policy, which then
 * scopes it to that thing's topics. The pre-provisioning hook has vetted the serial before this runs.
 */
export function provisioningTemplateBody(names: IotNames) {
  return {
    Parameters: {
      SerialNumber: { Type: 'String' },
      'AWS::IoT::Certificate::Id': { Type: 'String' },
    },
    Resources: {
      thing: {
        Type: 'AWS::IoT::Thing',
        Properties: { ThingName: { Ref: 'SerialNumber' }, ThingTypeName: names.thingType },
        OverrideSettings: { AttributePayload: 'MERGE', ThingTypeName: 'REPLACE', ThingGroups: 'DO_NOTHING' },
      },
      certificate: {
        Type: 'AWS::IoT::Certificate',
        Properties: { CertificateId: { Ref: 'AWS::IoT::Certificate::Id' }, Status: 'ACTIVE' },
      },
      policy: { Type: 'AWS::IoT::Policy', Properties: { PolicyName: names.gatewayPolicy } },
    },
  };
}
