import { createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '@fleet/db';
import {
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseTarget,
  uniqueSuffix,
} from '@fleet/db/testing';
import { subjects } from '@fleet/telemetry';
import { freePort } from '@fleet/test-kit';
import { afterAll, beforeAll } from 'vitest';
import { buildIngest, IngestProcess } from './ingest-process.js';
import { NatsKit } from './nats-kit.js';

export interface IngestFixture {
  db: TestDatabase;
  pool: PgPool;
  prisma: PrismaClient;
  nats: NatsKit;
  gatewayId: string;
  subject: string;
  consumer: string;
  /** A new ingest process on this fixture's database, consumer and subject (not started). */
  ingest(env?: Record<string, string>): Promise<IngestProcess>;
}

/**
 * One database, one gateway id, one durable consumer filtered to that gateway's subject: tests
 * share the machine's NATS and its TELEMETRY stream without seeing each other's messages.
 */
export function useIngestFixture(target: TestDatabaseTarget): IngestFixture {
  const fixture = {} as IngestFixture;
  const processes: IngestProcess[] = [];
  beforeAll(async () => {
    await buildIngest();
    fixture.db = await createTestDatabase(target);
    fixture.pool = createPgPool(fixture.db.url);
    fixture.prisma = createPrismaClient(fixture.db.url);
    fixture.nats = await NatsKit.connect();
    fixture.gatewayId = `gw-${uniqueSuffix()}-${target.name.slice(0, 2)}`;
    fixture.subject = subjects.telemetry(fixture.gatewayId);
    fixture.consumer = `test-ingest-${fixture.gatewayId}`;
    fixture.ingest = async (env = {}) => {
      const process = new IngestProcess({
        DATABASE_URL: fixture.db.url,
        INGEST_HEALTH_PORT: String(await freePort()),
        INGEST_CONSUMER: fixture.consumer,
        INGEST_FILTER_SUBJECT: fixture.subject,
        INGEST_FETCH_BATCH: '10',
        // Short, so batches a killed process had pulled come back quickly.
        INGEST_ACK_WAIT_MS: '3000',
        INGEST_RETRY_DELAY_MS: '500',
        ...env,
      });
      processes.push(process);
      return process;
    };
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    await fixture.nats?.cleanup(fixture.consumer, fixture.gatewayId);
    await fixture.pool?.end();
    await fixture.prisma?.$disconnect();
    await fixture.db?.drop();
  });
  return fixture;
}
