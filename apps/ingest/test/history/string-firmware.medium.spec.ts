import { createGateway, testDatabaseTargets } from '@fleet/db/testing';
import { type FirmwareVersions, streams, subjects } from '@fleet/telemetry';
import { waitFor } from '@fleet/test-kit';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, describe, expect, it } from 'vitest';
import { useIngestFixture } from '../ingest-fixture.js';

// Issue 10 cohorts by BMS firmware: the 0x7310 versions of a topology (then a composition) event
// land on the string, through the running ingest process, and a late replay never rolls back.
const targets = await testDatabaseTargets();
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

const versions = (softwareMajor: number, softwareMinor: number): FirmwareVersions => ({
  hardwareType: 1,
  hardwareMajor: 2,
  hardwareMinor: 0,
  softwareMajor,
  softwareMinor,
  softwareDevMajor: 0,
  softwareDevMinor: 4,
});

function batch(gatewayId: string, seq: number, event: Record<string, unknown>) {
  return JSON.stringify({
    schema: 'bms.evt/1',
    gatewayId,
    bootId: 'boot-firmware',
    seq,
    sentAt: at(seq * 100),
    events: [event],
  });
}

const topology = (seconds: number, v?: FirmwareVersions) => ({
  kind: 'topology',
  ts: at(seconds),
  bus: 'can0',
  protocol: 'hv-can',
  strings: [{ bmsAddress: 1, moduleCount: 3, bmsSerial: 'SC1000-F', ...(v ? { versions: v } : {}) }],
});

describe.each(targets)('ingest BMS firmware on the string on $name', (target) => {
  const f = useIngestFixture(target);
  afterAll(async () => {
    const jsm = await jetstreamManager(f.nats.nc);
    await jsm.consumers.delete(streams.events.name, `${f.consumer}-events`).catch(() => undefined);
    await jsm.streams
      .purge(streams.events.name, { filter: subjects.events(f.gatewayId) })
      .catch(() => undefined);
  });
  const firmware = async () =>
    (
      await f.pool.query<{ firmware: string | null; firmware_versions: unknown; msgs: number }>(
        `SELECT s.firmware, s.firmware_versions,
                (SELECT count(*)::int FROM bms_event e WHERE e.gateway_id = s.gateway_id) AS msgs
           FROM bms_string s WHERE s.gateway_id = $1`,
        [f.gatewayId],
      )
    ).rows[0];

  it('a topology event sets the firmware, a later report with another version updates it, an older one does not', async () => {
    await createGateway(f.prisma, { id: f.gatewayId });
    const ingest = await f.ingest({ ALARMS_ENABLED: 'false' });
    await ingest.start();
    const events = subjects.events(f.gatewayId);

    // Registered by its serial, no versions read yet: nothing invented.
    await f.nats.publish(events, batch(f.gatewayId, 0, topology(0)));
    await waitFor('the string', async () => (await firmware()) !== undefined);
    expect(await firmware()).toMatchObject({ firmware: null, firmware_versions: null });

    await f.nats.publish(events, batch(f.gatewayId, 1, topology(100, versions(1, 3))));
    await waitFor('firmware 1.3', async () => (await firmware())?.firmware === '1.3');
    expect((await firmware())?.firmware_versions).toEqual(versions(1, 3));

    // The BMS was updated: its composition event (read at 300 s) reports 1.4.
    await f.nats.publish(
      events,
      batch(f.gatewayId, 2, {
        kind: 'composition',
        ts: at(300),
        bus: 'can0',
        bmsAddress: 1,
        protocol: 'hv-can',
        moduleCount: 3,
        versions: versions(1, 4),
      }),
    );
    await waitFor('firmware 1.4', async () => (await firmware())?.firmware === '1.4');

    // A report from before the update arrives late (a replayed older batch): 1.4 stays.
    await f.nats.publish(events, batch(f.gatewayId, 3, topology(200, versions(1, 3))));
    await waitFor('the late report stored', async () => (await firmware())?.msgs === 4);
    expect(await firmware()).toMatchObject({ firmware: '1.4', firmware_versions: versions(1, 4) });
  });
});
