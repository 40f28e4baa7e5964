import { Template } from 'aws-cdk-lib/assertions';
import { App } from 'aws-cdk-lib/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FleetIotStack } from '../src/fleet-iot-stack.js';
import { THING } from '../src/gateway-policy.js';
import type { IotPolicyDocument } from '../src/policy-document.js';
import { allows, type Connection } from './iot-policy-eval.js';
import { ENV, resolveCfn } from './resolve-cfn.js';

// Synthesised once for the whole file: `cdk synth` in-process, no account, no network.
const app = new App();
const stack = new FleetIotStack(app, 'FleetIotTest', {
  prefix: 'fleet',
  apiUrl: 'https://fleet.example.com',
  apiSecretName: 'fleet/api/provisioning-secret',
  bridgeShareGroup: 'ingest',
});
const template = Template.fromStack(stack);
const resources = (type: string) => Object.entries(template.findResources(type));
const policies = Object.fromEntries(
  resources('AWS::IoT::Policy').map(([, r]) => [
    r.Properties.PolicyName as string,
    resolveCfn(r.Properties.PolicyDocument) as IotPolicyDocument,
  ]),
);
const prefix = `arn:aws:iot:${ENV.region}:${ENV.account}`;
const topic = (name: string) => `${prefix}:topic/${name}`;
const filter = (name: string) => `${prefix}:topicfilter/${name}`;
const client = (id: string) => `${prefix}:client/${id}`;
const gatewayId = fc.stringMatching(/^[a-z0-9-]{3,20}$/);

function policy(name: string): IotPolicyDocument {
  const found = policies[name];
  expect(found, `policy ${name} is synthesised`).toBeDefined();
  return found!;
}

describe('IoT policies: no wildcard grants', () => {
  it('has the four policies, each of allow statements with one named iot action on explicit ARNs', () => {
    expect(Object.keys(policies).sort()).toEqual([
      'fleet-api-commands',
      'fleet-gateway',
      'fleet-ingest-bridge',
      'fleet-provisioning-claim',
    ]);
    for (const document of Object.values(policies)) {
      for (const statement of document.Statement) {
        expect(statement.Effect).toBe('Allow');
        expect(statement.Action).toHaveLength(1);
        expect(statement.Action[0]).toMatch(/^iot:(Connect|Publish|Subscribe|Receive)$/);
        for (const resource of statement.Resource) {
          expect(resource.startsWith(`${prefix}:`), resource).toBe(true);
          expect(resource).not.toMatch(/:(client|topic|topicfilter)\/\*$/);
        }
      }
    }
  });
});

describe('gateway policy', () => {
  const gateway = () => policy('fleet-gateway');
  const as = (id: string): Connection => ({ thingName: id, clientId: id });

  it('states exactly: connect as own thing, publish own uplink and replies, read own commands', () => {
    expect(gateway().Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['iot:Connect'],
        Resource: [client(THING)],
        Condition: { Bool: { 'iot:Connection.Thing.IsAttached': 'true' } },
      },
      {
        Effect: 'Allow',
        Action: ['iot:Publish'],
        Resource: [
          topic(`bms/v1/tlm/${THING}`),
          topic(`bms/v1/evt/${THING}`),
          topic(`bms/v1/hb/${THING}`),
          topic(`bms/v1/cmdreply/${THING}/*`),
        ],
      },
      { Effect: 'Allow', Action: ['iot:Subscribe'], Resource: [filter(`bms/v1/cmd/${THING}/*`)] },
      { Effect: 'Allow', Action: ['iot:Receive'], Resource: [topic(`bms/v1/cmd/${THING}/*`)] },
    ]);
  });

  it('lets a gateway connect only as its own thing, and not at all without an attached thing', () => {
    expect(allows(gateway(), 'iot:Connect', client('gw-a'), as('gw-a'))).toBe(true);
    expect(allows(gateway(), 'iot:Connect', client('gw-b'), as('gw-a'))).toBe(false);
    expect(allows(gateway(), 'iot:Connect', client('gw-a'), { clientId: 'gw-a' })).toBe(false);
  });

  it('lets a gateway publish its own uplink and replies, and read its own commands', () => {
    for (const kind of ['tlm', 'evt', 'hb']) {
      expect(allows(gateway(), 'iot:Publish', topic(`bms/v1/${kind}/gw-a`), as('gw-a'))).toBe(true);
    }
    expect(allows(gateway(), 'iot:Publish', topic('bms/v1/cmdreply/gw-a/req-1'), as('gw-a'))).toBe(true);
    expect(allows(gateway(), 'iot:Subscribe', filter('bms/v1/cmd/gw-a/#'), as('gw-a'))).toBe(true);
    expect(allows(gateway(), 'iot:Receive', topic('bms/v1/cmd/gw-a/status'), as('gw-a'))).toBe(true);
  });

  it('never lets a gateway send commands, not even to a verb named like itself', () => {
    expect(allows(gateway(), 'iot:Publish', topic('bms/v1/cmd/gw-b/gw-a'), as('gw-a'))).toBe(false);
    expect(allows(gateway(), 'iot:Publish', topic('bms/v1/cmd/gw-a/reboot'), as('gw-a'))).toBe(false);
    expect(allows(gateway(), 'iot:Subscribe', filter('bms/v1/tlm/+'), as('gw-a'))).toBe(false);
    expect(allows(gateway(), 'iot:Subscribe', filter('#'), as('gw-a'))).toBe(false);
  });

  it('grants gateway A nothing on any topic of gateway B', () => {
    const verb = fc.stringMatching(/^[a-z0-9/-]{1,12}$/);
    fc.assert(
      fc.property(
        gatewayId,
        gatewayId,
        fc.constantFrom('tlm', 'evt', 'hb', 'cmd', 'cmdreply'),
        verb,
        (a, b, kind, v) => {
          fc.pre(a !== b);
          const name =
            kind === 'cmd' || kind === 'cmdreply' ? `bms/v1/${kind}/${b}/${v}` : `bms/v1/${kind}/${b}`;
          return (
            !allows(gateway(), 'iot:Publish', topic(name), as(a)) &&
            !allows(gateway(), 'iot:Receive', topic(name), as(a)) &&
            !allows(gateway(), 'iot:Subscribe', filter(name), as(a))
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('claim certificate, bridge and api policies', () => {
  const provisioner: Connection = { clientId: 'provision-gw-a' };

  it('lets the claim certificate only reach the CSR and provisioning topics of our template', () => {
    const claim = policy('fleet-provisioning-claim');
    const csr = '$aws/certificates/create-from-csr/json';
    const provision = '$aws/provisioning-templates/fleet-gateway-provisioning/provision/json';
    expect(allows(claim, 'iot:Connect', client('provision-gw-a'), provisioner)).toBe(true);
    expect(allows(claim, 'iot:Connect', client('gw-a'), { clientId: 'gw-a' })).toBe(false);
    for (const name of [csr, provision]) {
      expect(allows(claim, 'iot:Publish', topic(name), provisioner)).toBe(true);
      expect(allows(claim, 'iot:Subscribe', filter(`${name}/accepted`), provisioner)).toBe(true);
      expect(allows(claim, 'iot:Receive', topic(`${name}/rejected`), provisioner)).toBe(true);
    }
    for (const name of [
      'bms/v1/tlm/gw-a',
      '$aws/certificates/create/json',
      '$aws/provisioning-templates/other/provision/json',
      '$aws/things/gw-a/shadow/update',
    ]) {
      expect(allows(claim, 'iot:Publish', topic(name), provisioner), name).toBe(false);
    }
  });

  it('lets the bridge read every uplink through its shared subscriptions and publish nothing', () => {
    const bridge = policy('fleet-ingest-bridge');
    const self: Connection = { clientId: 'ingest-bridge-0' };
    expect(allows(bridge, 'iot:Connect', client('ingest-bridge-0'), self)).toBe(true);
    expect(allows(bridge, 'iot:Subscribe', filter('$share/ingest/bms/v1/tlm/+'), self)).toBe(true);
    expect(allows(bridge, 'iot:Receive', topic('bms/v1/hb/gw-a'), self)).toBe(true);
    expect(allows(bridge, 'iot:Subscribe', filter('bms/v1/#'), self)).toBe(false);
    expect(allows(bridge, 'iot:Receive', topic('bms/v1/cmd/gw-a/reboot'), self)).toBe(false);
    expect(bridge.Statement.flatMap((s) => s.Action)).not.toContain('iot:Publish');
  });

  it('lets the api send commands and read replies, but never forge a gateway uplink', () => {
    const api = policy('fleet-api-commands');
    const self: Connection = { clientId: 'fleet-api-0' };
    expect(allows(api, 'iot:Publish', topic('bms/v1/cmd/gw-a/reboot'), self)).toBe(true);
    expect(allows(api, 'iot:Receive', topic('bms/v1/cmdreply/gw-a/r1'), self)).toBe(true);
    expect(allows(api, 'iot:Publish', topic('bms/v1/tlm/gw-a'), self)).toBe(false);
    expect(allows(api, 'iot:Connect', client('gw-a'), self)).toBe(false);
  });
});

describe('fleet provisioning', () => {
  const [[hookId, hook]] = resources('AWS::Lambda::Function') as [
    [string, { Properties: Record<string, unknown> }],
  ];
  const [[, provisioning]] = resources('AWS::IoT::ProvisioningTemplate') as [
    [string, { Properties: Record<string, unknown> }],
  ];

  it('runs the pre-provisioning hook before the template registers the serial as the thing name', () => {
    const props = resolveCfn(provisioning.Properties) as Record<string, unknown>;
    expect(props).toMatchObject({
      TemplateName: 'fleet-gateway-provisioning',
      TemplateType: 'FLEET_PROVISIONING',
      Enabled: true,
      PreProvisioningHook: { TargetArn: `<att:${hookId}.Arn>`, PayloadVersion: '2020-04-01' },
    });
    const body = JSON.parse(props.TemplateBody as string);
    expect(body.Resources.thing.Properties).toEqual({
      ThingName: { Ref: 'SerialNumber' },
      ThingTypeName: 'fleet-gateway',
    });
    expect(body.Resources.policy.Properties.PolicyName).toBe('fleet-gateway');
    expect(body.Resources.certificate.Properties.Status).toBe('ACTIVE');
  });

  it('gives the hook the api secret by reference only, and read access to that secret alone', () => {
    const env = (resolveCfn(hook.Properties.Environment) as { Variables: Record<string, string> }).Variables;
    expect(Object.keys(env).sort()).toEqual(['API_SECRET_ARN', 'API_URL']);
    expect(env.API_SECRET_ARN).toBe(
      `arn:aws:secretsmanager:${ENV.region}:${ENV.account}:secret:fleet/api/provisioning-secret`,
    );
    expect(hook.Properties).toMatchObject({ Runtime: 'nodejs22.x', Timeout: 5 });
    const statements = resources('AWS::IAM::Policy').flatMap(
      ([, p]) =>
        (
          resolveCfn(p.Properties.PolicyDocument) as {
            Statement: { Action: string | string[]; Resource: string }[];
          }
        ).Statement,
    );
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        Resource: `${env.API_SECRET_ARN}-??????`,
      },
    ]);
  });

  it('lets only IoT provisioning of our template invoke the hook', () => {
    const [permission] = resources('AWS::Lambda::Permission').map(([, p]) => p);
    expect(resolveCfn(permission?.Properties)).toMatchObject({
      Action: 'lambda:InvokeFunction',
      Principal: 'iot.amazonaws.com',
      SourceArn: `${prefix}:provisioningtemplate/fleet-gateway-provisioning`,
    });
  });
});
