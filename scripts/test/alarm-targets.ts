// The outside world an alarm reaches in the e2e tests: a real SMTP server process and a webhook
// receiver that verifies every signature, both from the api's notification test support.
import { freePort } from '@fleet/test-kit';
import { type SmtpSink, startSmtpSink } from '../../apps/api/test/support/notify/smtp-sink-process.js';
import { WebhookReceiver } from '../../apps/api/test/support/notify/webhook-receiver.js';
import { tempDir } from './stack-harness.js';

export type { ReceivedMail } from '../../apps/api/test/support/notify/smtp-sink-process.js';
export type { ReceivedCall } from '../../apps/api/test/support/notify/webhook-receiver.js';

export interface AlarmTargets {
  smtp: SmtpSink;
  webhook: WebhookReceiver;
  stop(): Promise<void>;
}

export async function startAlarmTargets(): Promise<AlarmTargets> {
  const smtp = await startSmtpSink(tempDir('fleet-mail-'));
  const webhook = new WebhookReceiver(await freePort());
  await webhook.up();
  return {
    smtp,
    webhook,
    stop: async () => {
      await webhook.down();
      await smtp.stop();
    },
  };
}

/** The `alarm` of a webhook call (the default payload format: `{ id, type, alarm }`). */
export function alarmOfCall(json: unknown): { alarmId: string; code: string; transition: string } {
  return (json as { alarm: { alarmId: string; code: string; transition: string } }).alarm;
}
