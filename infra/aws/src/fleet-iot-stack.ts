import * as iam from 'aws-cdk-lib/aws-iam';
import * as iot from 'aws-cdk-lib/aws-iot';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { ArnFormat, Duration, Stack, type StackProps } from 'aws-cdk-lib/core';
import type { Construct } from 'constructs';
import { claimPolicy } from './claim-policy.js';
import { gatewayPolicy } from './gateway-policy.js';
import { iotNames } from './iot-names.js';
import type { IotArn } from './policy-document.js';
import { provisioningHookCode } from './provisioning-hook-code.js';
import { provisioningTemplateBody } from './provisioning-template.js';
import { apiCommandPolicy, bridgePolicy } from './service-policies.js';

export interface FleetIotStackProps extends StackProps {
  /** Prefix of every physical name (thing type, policies, template). */
  prefix: string;
  /** The api's public base URL, e.g. https://fleet.example.com (the hook calls /api/provisioning/check). */
  apiUrl: string;
  /** Name of the Secrets Manager secret holding the api's provisioning secret (created outside the stack). */
  apiSecretName: string;
  /** ingest's IOT_BRIDGE_GROUP: the shared-subscription group of the bridge. */
  bridgeShareGroup: string;
}

/** IoT Core for the fleet: thing type, the four policies, fleet provisioning with its hook. */
export class FleetIotStack extends Stack {
  readonly hook: lambda.Function;

  constructor(scope: Construct, id: string, props: FleetIotStackProps) {
    super(scope, id, props);
    const names = iotNames(props.prefix);
    const iotArn = (resource: string, name: string) =>
      this.formatArn({
        service: 'iot',
        resource,
        resourceName: name,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      });
    const arn: IotArn = iotArn;

    const thingType = new iot.CfnThingType(this, 'GatewayThingType', {
      thingTypeName: names.thingType,
      thingTypeProperties: {
        thingTypeDescription: 'Pylontech SC1000 fleet gateway (thing name = gateway id)',
      },
    });
    const policies = [
      new iot.CfnPolicy(this, 'GatewayPolicy', {
        policyName: names.gatewayPolicy,
        policyDocument: gatewayPolicy(arn),
      }),
      new iot.CfnPolicy(this, 'ClaimPolicy', {
        policyName: names.claimPolicy,
        policyDocument: claimPolicy(arn, names.provisioningTemplate),
      }),
      new iot.CfnPolicy(this, 'BridgePolicy', {
        policyName: names.bridgePolicy,
        policyDocument: bridgePolicy(arn, props.bridgeShareGroup),
      }),
      new iot.CfnPolicy(this, 'ApiCommandPolicy', {
        policyName: names.apiPolicy,
        policyDocument: apiCommandPolicy(arn),
      }),
    ];

    const apiSecret = secretsmanager.Secret.fromSecretNameV2(
      this,
      'ApiProvisioningSecret',
      props.apiSecretName,
    );
    this.hook = new lambda.Function(this, 'PreProvisioningHook', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(provisioningHookCode()),
      // IoT Core waits at most 5 s for the hook's answer.
      timeout: Duration.seconds(5),
      memorySize: 128,
      environment: { API_URL: props.apiUrl, API_SECRET_ARN: apiSecret.secretArn },
    });
    apiSecret.grantRead(this.hook);
    this.hook.addPermission('InvokedByIotProvisioning', {
      principal: new iam.ServicePrincipal('iot.amazonaws.com'),
      sourceArn: iotArn('provisioningtemplate', names.provisioningTemplate),
    });

    const provisioningRole = new iam.Role(this, 'ProvisioningRole', {
      assumedBy: new iam.ServicePrincipal('iot.amazonaws.com'),
      description: 'Lets IoT fleet provisioning register a gateway thing and activate its certificate',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSIoTThingsRegistration')],
    });
    const template = new iot.CfnProvisioningTemplate(this, 'GatewayProvisioning', {
      templateName: names.provisioningTemplate,
      templateType: 'FLEET_PROVISIONING',
      enabled: true,
      description: 'Gateway fleet provisioning by claim certificate; the api must know the gateway first',
      provisioningRoleArn: provisioningRole.roleArn,
      templateBody: JSON.stringify(provisioningTemplateBody(names)),
      preProvisioningHook: { targetArn: this.hook.functionArn, payloadVersion: '2020-04-01' },
    });
    // The template names the thing type and the gateway policy by name: they must exist first.
    template.node.addDependency(thingType, ...policies);
  }
}
