import { App } from 'aws-cdk-lib/core';
import { FleetIotStack } from './fleet-iot-stack.js';

// `npm run synth -w @fleet/infra-aws` (or `cdk synth` / `cdk deploy` with cdk.json) writes the
// CloudFormation template to cdk.out. Settings come from CDK context (-c key=value or cdk.json).
const app = new App({ outdir: 'cdk.out' });
const context = (key: string, fallback: string): string => String(app.node.tryGetContext(key) ?? fallback);
new FleetIotStack(app, context('stackName', 'FleetIot'), {
  prefix: context('prefix', 'fleet'),
  apiUrl: context('apiUrl', 'https://fleet.example.com'),
  apiSecretName: context('apiSecretName', 'fleet/api/provisioning-secret'),
  bridgeShareGroup: context('bridgeShareGroup', 'ingest'),
});
app.synth();
