/** The subset of the IoT policy grammar this stack writes: allow statements only. */
export interface IotStatement {
  Effect: 'Allow';
  Action: string[];
  /** Resource ARNs; may be CloudFormation tokens until synthesis. */
  Resource: string[];
  Condition?: Record<string, Record<string, string>>;
}

export interface IotPolicyDocument {
  Version: '2012-10-17';
  Statement: IotStatement[];
}

/** Builds `arn:<partition>:iot:<region>:<account>:<type>/<name>`; the stack passes Stack.formatArn. */
export type IotArn = (type: 'client' | 'topic' | 'topicfilter', name: string) => string;

export function allow(
  action: string,
  resource: string[],
  condition?: IotStatement['Condition'],
): IotStatement {
  return {
    Effect: 'Allow',
    Action: [action],
    Resource: resource,
    ...(condition ? { Condition: condition } : {}),
  };
}

export function policyDocument(statements: IotStatement[]): IotPolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}
