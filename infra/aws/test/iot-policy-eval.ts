import type { IotPolicyDocument } from '../src/policy-document.js';

export interface Connection {
  thingName?: string;
  clientId: string;
}

const escapeRegex = (text: string) => text.replace(/[.+^${}()|[\]\\]/g, '\\$&');

/** IoT policy resource matching: `*` any characters (across `/`), `?` one character. */
const compiled = new Map<string, RegExp>();
function matches(pattern: string, resource: string): boolean {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = new RegExp(`^${escapeRegex(pattern).replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    compiled.set(pattern, regex);
  }
  return regex.test(resource);
}

/** Substitutes the policy variables this project uses; an unset one matches nothing (as in IoT Core). */
function substitute(pattern: string, connection: Connection): string | undefined {
  let unresolved = false;
  const text = pattern.replace(/\$\{(iot:[A-Za-z.]+)\}/g, (_, variable: string) => {
    const value = {
      'iot:Connection.Thing.ThingName': connection.thingName,
      'iot:ClientId': connection.clientId,
    }[variable];
    if (value === undefined) {
      unresolved = true;
    }
    return value ?? '';
  });
  return unresolved ? undefined : text;
}

function conditionHolds(
  condition: Record<string, Record<string, string>> | undefined,
  c: Connection,
): boolean {
  for (const [operator, entries] of Object.entries(condition ?? {})) {
    for (const [key, expected] of Object.entries(entries)) {
      if (operator !== 'Bool' || key !== 'iot:Connection.Thing.IsAttached') {
        return false; // unknown condition: deny, so the tests never pass by accident
      }
      if ((c.thingName !== undefined) !== (expected === 'true')) {
        return false;
      }
    }
  }
  return true;
}

/**
 * A small evaluator of allow-only IoT policies (the grammar `policy-document.ts` writes), enough to
 * check who may do what on which ARN. `thingName` is set when the certificate is attached to a thing.
 */
export function allows(
  policy: IotPolicyDocument,
  action: string,
  arn: string,
  connection: Connection,
): boolean {
  return policy.Statement.some(
    (s) =>
      s.Effect === 'Allow' &&
      s.Action.includes(action) &&
      conditionHolds(s.Condition, connection) &&
      s.Resource.some((pattern) => {
        const concrete = substitute(pattern, connection);
        return concrete !== undefined && matches(concrete, arn);
      }),
  );
}
