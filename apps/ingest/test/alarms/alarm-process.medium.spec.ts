import { ALARM_CATALOGUE } from '@fleet/alarms';
import {
  createBmsString,
  createGateway,
  packSampleData,
  telemetryEnvelopeData,
  testDatabaseTargets,
} from '@fleet/db/testing';
import {
  type AlarmEvent,
  batchMessageId,
  encodeTelemetryEnvelope,
  streams,
  subjects,
} from '@fleet/telemetry';
import { waitFor } from '@fleet/test-kit';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, describe, expect, it } from 'vitest';
import { useIngestFixture } from '../ingest-fixture.js';

const targets = await testDatabaseTargets();
const PROTECTION = 'hv.protection.cell_high_voltage';

/**
 * The built ingest process, as deployed: its alarm consumer (`<INGEST_CONSUMER>-alarms`) reads
 * the batch beside the writer, and the fired event reaches ALARMS with Nats-Msg-Id `<id>:1`.
 */
describe.each(targets)('alarm evaluation in the ingest process on $name', (target) => {
  const f = useIngestFixture(target);
  let alarmSubject = '';
  afterAll(async () => {
    const jsm = await jetstreamManager(f.nats.nc);
    await jsm.consumers.delete(streams.telemetry.name, `${f.consumer}-alarms`).catch(() => undefined);
    if (alarmSubject) {
      await jsm.streams.purge(streams.alarms.name, { filter: alarmSubject }).catch(() => undefined);
    }
  });

  it('opens the alarm and publishes its fired event with Nats-Msg-Id <alarmId>:1', async () => {
    const gateway = await createGateway(f.prisma, { id: f.gatewayId });
    const string = await createBmsString(f.prisma, { gatewayId: gateway.id, bmsAddress: 0 });
    alarmSubject = subjects.alarm(string.tenantId, string.siteId);
    const seen = f.nats.collect(alarmSubject);
    const ingest = await f.ingest();
    await ingest.start();
    const envelope = telemetryEnvelopeData({
      gatewayId: f.gatewayId,
      bootId: 'boot-alarm-process',
      seq: 0,
      samples: [packSampleData({ protectionBits: 1 << ALARM_CATALOGUE.byCode.get(PROTECTION)!.bit })],
    });
    await f.nats.publish(
      f.subject,
      encodeTelemetryEnvelope(envelope),
      batchMessageId(f.gatewayId, 'boot-alarm-process', 0),
    );
    const alarm = await waitFor('the alarm row', async () => {
      const { rows } = await f.pool.query<{ id: string; code: string; count: number }>(
        'SELECT id, code, count FROM alarm WHERE string_id = $1',
        [string.id],
      );
      return rows[0];
    });
    expect(alarm).toMatchObject({ code: PROTECTION, count: 1 });
    const message = await waitFor('the fired event', () => seen[0]);
    const event = JSON.parse(new TextDecoder().decode(message.data)) as AlarmEvent;
    expect(event).toMatchObject({ alarmId: alarm.id, seq: 1, transition: 'fired', stringId: string.id });
    expect(message.headers?.get('Nats-Msg-Id')).toBe(`${alarm.id}:1`);
    await ingest.stop();
  });
});
