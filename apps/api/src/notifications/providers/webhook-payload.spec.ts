import { ALARM_EVENT_SCHEMA, type AlarmEvent } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { webhookPayload } from './webhook-payload.js';

const event: AlarmEvent = {
  schema: ALARM_EVENT_SCHEMA,
  alarmId: '22222222-2222-4222-8222-222222222222',
  seq: 2,
  tenantId: '11111111-1111-4111-8111-111111111111',
  siteId: '33333333-3333-4333-8333-333333333333',
  stringId: null,
  gatewayId: 'gw-1',
  code: 'hv.protection.cell_high_voltage',
  title: 'Cell over-voltage protection',
  severity: 'critical',
  transition: 'repeated',
  status: 'open',
  count: 3,
  flapping: false,
  notify: true,
  actor: 'system',
  at: '2026-11-25T12:00:00.000Z',
  detail: { meaning: 'A cell went too high.', firstSteps: ['Check the charger'] },
};

describe('webhookPayload', () => {
  it('generic: the event itself under its id and type', () => {
    expect(webhookPayload(event, 'generic')).toEqual({
      id: '22222222-2222-4222-8222-222222222222:2',
      type: 'alarm.repeated',
      alarm: event,
    });
  });

  it('slack: a fallback text and blocks with the headline, facts, meaning and first steps', () => {
    const slack = webhookPayload(event, 'slack') as {
      text: string;
      blocks: Array<{ type: string; text?: { text: string } }>;
    };
    expect(slack.text).toBe('[CRITICAL] Cell over-voltage protection — repeated (×3)');
    expect(slack.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section']);
    expect(slack.blocks[2]!.text!.text).toBe('A cell went too high.');
    expect(slack.blocks[3]!.text!.text).toBe('*First steps*\n1. Check the charger');
  });

  it('teams: a MessageCard with the severity colour and facts', () => {
    const teams = webhookPayload(event, 'teams') as Record<string, unknown> & {
      sections: Array<{ facts: Array<{ name: string; value: string }>; text: string }>;
    };
    expect(teams).toMatchObject({ '@type': 'MessageCard', themeColor: 'B00020' });
    expect(teams.sections[0]!.facts).toContainEqual({
      name: 'Code',
      value: 'hv.protection.cell_high_voltage',
    });
    expect(teams.sections[0]!.text).toBe('A cell went too high.\n\n1. Check the charger');
  });
});
