// The seam between CommandServer (what a request gets) and the wire it came over: core NATS
// request/reply or MQTT5 request/response (responseTopic + correlationData). A transport only
// receives requests and sends replies where the requester asked; it never interprets them.

/** How a reply went: sent, or why it could not be. */
export type ReplyOutcome =
  | 'sent'
  /** The request named nowhere to reply (no NATS reply subject, no MQTT5 responseTopic). */
  | 'no-reply-address'
  /** MQTT: the responseTopic is outside `bms/v1/cmdreply/<gatewayId>/`, which the policy refuses. */
  | 'reply-address-refused'
  /** The transport could not hand the reply over (disconnected, PUBACK refused, timeout). */
  | 'failed';

export interface CommandRequest {
  /** `plan.get`, `repoll`, …: the part of the subject/topic after the gateway id. */
  verb: string;
  data: Uint8Array;
  respond(reply: Uint8Array): Promise<ReplyOutcome>;
}

export interface CommandTransport {
  /** Where requests come from, for the start-up log (`bms.v1.cmd.<id>.>`, `bms/v1/cmd/<id>/#`). */
  readonly source: string;
  /**
   * Calls `onRequest` for every request, one at a time and in arrival order, until `signal`
   * aborts. Waits for the connection first when it is still being dialled.
   */
  serve(onRequest: (request: CommandRequest) => Promise<void>, signal: AbortSignal): Promise<void>;
}
