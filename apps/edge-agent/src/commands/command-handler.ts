// What each command verb does (transport-free; CommandServer serves it over NATS or MQTT5):
//   repoll      report every string's next reading in full and send it at once
//   cells       take a per-cell snapshot now ({ bus?, bmsAddress? }; default: every string)
//   plan.get    the sampling plan in force
//   plan.set    change (part of) the plan; invalid → error naming the field, plan unchanged
//   config.get  the agent's configuration without secrets
import type { Clock } from '../clock.js';
import type { CellTarget } from '../sampling/cell-source.js';
import { parseSamplingPlan, type SamplingPlan } from '../sampling/sampling-plan.js';
import type { UplinkSampler } from '../sampling/uplink-sampler.js';
import { type CommandErrorCode, type CommandReply, signReply, type UnsignedReply } from './command-reply.js';

export const COMMAND_VERBS = ['repoll', 'cells', 'plan.get', 'plan.set', 'config.get'] as const;

export interface CommandContext {
  gatewayId: string;
  clock: Clock;
  sampler: Pick<UplinkSampler, 'plan' | 'setPlan' | 'snapshotNow' | 'targets' | 'reportNextInFull'>;
  /** Configuration as reported by config.get (secrets already removed by the caller). */
  publicConfig: () => Record<string, unknown>;
  /** HMAC key for reply signatures, when provisioned. */
  replyKey?: string;
  /** Persists a plan set from the cloud (e.g. to the plan file); optional. */
  onPlanChanged?: (plan: SamplingPlan) => void;
}

type Outcome = { result: unknown } | { error: { code: CommandErrorCode; message: string; field?: string } };

export class CommandHandler {
  constructor(private readonly ctx: CommandContext) {}

  async handle(verb: string, body: unknown): Promise<CommandReply> {
    const outcome = await this.dispatch(verb, body);
    const reply: UnsignedReply = {
      gatewayId: this.ctx.gatewayId,
      verb,
      ok: 'result' in outcome,
      ...outcome,
      at: this.ctx.clock.now().toISOString(),
    };
    return signReply(reply, this.ctx.replyKey);
  }

  private async dispatch(verb: string, body: unknown): Promise<Outcome> {
    const { sampler } = this.ctx;
    switch (verb) {
      case 'repoll':
        sampler.reportNextInFull();
        return { result: { strings: sampler.targets } };
      case 'cells':
        return this.cells(body);
      case 'plan.get':
        return { result: sampler.plan };
      case 'plan.set':
        return this.setPlan(body);
      case 'config.get':
        return { result: this.ctx.publicConfig() };
      default:
        return {
          error: {
            code: 'unknown-verb',
            message: `unknown verb "${verb}"; known: ${COMMAND_VERBS.join(', ')}`,
          },
        };
    }
  }

  private setPlan(body: unknown): Outcome {
    const parsed = parseSamplingPlan(body, this.ctx.sampler.plan);
    if (!parsed.ok) {
      return {
        error: { code: 'invalid-plan', field: parsed.field, message: `${parsed.field}: ${parsed.message}` },
      };
    }
    this.ctx.sampler.setPlan(parsed.plan);
    this.ctx.onPlanChanged?.(parsed.plan);
    return { result: parsed.plan };
  }

  private async cells(body: unknown): Promise<Outcome> {
    const wanted = body as Partial<CellTarget>;
    const targets = this.ctx.sampler.targets.filter(
      (t) =>
        (wanted.bus === undefined || t.bus === wanted.bus) &&
        (wanted.bmsAddress === undefined || t.bmsAddress === wanted.bmsAddress),
    );
    if (targets.length === 0) {
      return { error: { code: 'unavailable', message: 'no such string has been read yet' } };
    }
    const snapshots = await Promise.all(targets.map((t) => this.ctx.sampler.snapshotNow(t)));
    const taken = snapshots.filter((s) => s !== undefined);
    if (taken.length === 0) {
      return {
        error: {
          code: 'unavailable',
          message: 'no cell source answered (console/RS485 not configured or not answering)',
        },
      };
    }
    return { result: { snapshots: taken.map((s) => ({ bus: s.bus, bmsAddress: s.bmsAddress, ts: s.ts })) } };
  }
}

/** Parses a request body: empty → {}, else a JSON object; anything else is refused. */
export function parseCommandBody(
  data: Uint8Array,
): { ok: true; body: Record<string, unknown> } | { ok: false; message: string } {
  if (data.length === 0) {
    return { ok: true, body: {} };
  }
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(data));
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return { ok: true, body: value as Record<string, unknown> };
    }
    return { ok: false, message: 'the request body must be a JSON object' };
  } catch {
    return { ok: false, message: `the request body is not JSON (${data.length} bytes)` };
  }
}
