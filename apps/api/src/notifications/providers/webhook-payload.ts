import type { AlarmEvent } from '@fleet/telemetry';
import { alarmEventMessageId } from '@fleet/telemetry';
import { alarmHeadline, catalogueText, SEVERITY_COLOUR } from './alarm-text.js';

export const webhookFormats = ['generic', 'slack', 'teams'] as const;
export type WebhookFormat = (typeof webhookFormats)[number];

/** The JSON body of a webhook call in the channel's format. */
export function webhookPayload(event: AlarmEvent, format: WebhookFormat): unknown {
  switch (format) {
    case 'generic':
      return { id: alarmEventMessageId(event), type: `alarm.${event.transition}`, alarm: event };
    case 'slack':
      return slackPayload(event);
    case 'teams':
      return teamsPayload(event);
  }
}

function facts(event: AlarmEvent): Array<[string, string]> {
  return [
    ['Severity', event.severity],
    ['Status', event.status],
    ['Code', event.code],
    ['Count', String(event.count)],
    ['String', event.stringId ?? '–'],
    ['At', event.at],
  ];
}

// Slack incoming webhooks: `text` is the notification fallback, `blocks` the message.
function slackPayload(event: AlarmEvent): unknown {
  const { meaning, firstSteps } = catalogueText(event);
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: alarmHeadline(event).slice(0, 150) } },
    {
      type: 'section',
      fields: facts(event).map(([k, v]) => ({ type: 'mrkdwn', text: `*${k}*\n${v}` })),
    },
  ];
  if (meaning) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: meaning } });
  }
  if (firstSteps.length > 0) {
    const steps = firstSteps.map((s, i) => `${i + 1}. ${s}`).join('\n');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*First steps*\n${steps}` } });
  }
  return { text: alarmHeadline(event), blocks };
}

// Teams incoming webhooks (Office 365 connector / Workflows) accept the legacy MessageCard.
function teamsPayload(event: AlarmEvent): unknown {
  const { meaning, firstSteps } = catalogueText(event);
  return {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: alarmHeadline(event),
    themeColor: SEVERITY_COLOUR[event.severity],
    title: alarmHeadline(event),
    sections: [
      {
        facts: facts(event).map(([name, value]) => ({ name, value })),
        text: [meaning, ...firstSteps.map((s, i) => `${i + 1}. ${s}`)].filter(Boolean).join('\n\n'),
      },
    ],
  };
}
