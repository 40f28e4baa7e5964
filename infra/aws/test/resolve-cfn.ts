/** Pseudo parameters of the account the tests pretend to deploy to. */
export const ENV = { partition: 'aws', region: 'eu-central-1', account: '123456789012' };

const PSEUDO: Record<string, string> = {
  'AWS::Partition': ENV.partition,
  'AWS::Region': ENV.region,
  'AWS::AccountId': ENV.account,
};

/**
 * Resolves the intrinsic functions CDK puts into synthesised policy ARNs (Fn::Join over pseudo
 * parameter Refs) into plain strings, so tests read the policies the way IoT Core will. Anything
 * else (a Ref to a resource, Fn::GetAtt) becomes `<ref:Id>` / `<att:Id.Attr>`.
 */
export function resolveCfn(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(resolveCfn);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const record = value as Record<string, unknown>;
  if ('Ref' in record) {
    const ref = String(record.Ref);
    return PSEUDO[ref] ?? `<ref:${ref}>`;
  }
  if ('Fn::GetAtt' in record) {
    return `<att:${(record['Fn::GetAtt'] as string[]).join('.')}>`;
  }
  if ('Fn::Join' in record) {
    const [separator, parts] = record['Fn::Join'] as [string, unknown[]];
    return parts.map((part) => String(resolveCfn(part))).join(separator);
  }
  return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, resolveCfn(inner)]));
}
