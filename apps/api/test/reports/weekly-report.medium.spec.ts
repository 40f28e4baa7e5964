import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '@fleet/db';
import {
  createBmsString,
  createGateway,
  createSite,
  createTenant,
  createTestDatabase,
  createUser,
  type TestDatabase,
  testDatabaseTargets,
} from '@fleet/db/testing';
import { waitFor } from '@fleet/test-kit';
import type { INestApplication } from '@nestjs/common';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { lastCompleteIsoWeek } from '../../src/reports/iso-week.js';
import { REPORT_SECTIONS, weeklyReport } from '../../src/reports/weekly-report.model.js';
import { weeklyReportPdf } from '../../src/reports/weekly-report.pdf.js';
import { REPORT_TEXTS } from '../../src/reports/weekly-report.texts.js';
import { pdfText } from '../evidence/pdf-text.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../support/notify/smtp-sink-process.js';
import { insertHour } from '../warranty/warranty-fixtures.js';

const all = await testDatabaseTargets();
const target = all.find((t) => t.name === 'timescaledb') ?? all[0]!;
const HOUR = 3_600_000;
const WEEK = lastCompleteIsoWeek(new Date());

/**
 * An installer organisation with two sites: "Roof" reports and has half of last week's hours
 * covered, an open warning and a finding that fired last week; "Barn" went silent three hours ago.
 * The admin reads English, the installer German.
 */
async function seed(prisma: PrismaClient, pool: PgPool) {
  const tenant = await createTenant(prisma, { name: 'Report Solar', kind: 'installer' });
  const admin = await createUser(prisma, { tenantId: tenant.id, role: 'org_admin', name: 'R admin' });
  const installer = await createUser(prisma, {
    tenantId: tenant.id,
    role: 'installer',
    name: 'R installer',
    locale: 'de',
  });
  const roof = await createSite(prisma, { tenantId: tenant.id, name: 'Roof' });
  const barn = await createSite(prisma, { tenantId: tenant.id, name: 'Barn' });
  const roofString = await createBmsString(prisma, {
    gatewayId: (await createGateway(prisma, { siteId: roof.id })).id,
    bmsAddress: 0,
    name: 'Roof rack',
  });
  const barnString = await createBmsString(prisma, {
    gatewayId: (await createGateway(prisma, { siteId: barn.id })).id,
    bmsAddress: 0,
    name: 'Barn rack',
  });
  await pool.query('UPDATE bms_string SET last_sample_at = now() WHERE id = $1', [roofString.id]);
  await pool.query(`UPDATE bms_string SET last_sample_at = now() - interval '3 hours' WHERE id = $1`, [
    barnString.id,
  ]);
  for (let h = 0; h < 84; h += 1) {
    await insertHour(pool, roofString.id, new Date(WEEK.from.getTime() + h * HOUR));
  }
  const firedAt = new Date(WEEK.from.getTime() + 30 * HOUR);
  for (const [code, title, severity] of [
    ['derived.cell_imbalance', 'Cell imbalance', 'warning'],
    ['derived.finding.fast_fade', 'Fast SOH fade against its cohort', 'info'],
  ] as const) {
    await pool.query(
      `INSERT INTO alarm (id, tenant_id, site_id, string_id, subject_key, code, title, severity, status, first_fired_at, last_fired_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, 'open', $8, $8)`,
      [tenant.id, roof.id, roofString.id, `string:${roofString.id}`, code, title, severity, firedAt],
    );
  }
  return { admin, installer };
}

/** The PDF attachment of a raw MIME message. */
function pdfAttachment(mail: ReceivedMail): Buffer {
  const part = mail.raw.split(/\r?\n--/).find((p) => /Content-Type: application\/pdf/i.test(p));
  const body =
    part
      ?.split(/\r?\n\r?\n/)
      .slice(1)
      .join('') ?? '';
  return Buffer.from(body.replace(/\s+/g, ''), 'base64');
}

interface ReportFixture {
  smtp: () => SmtpSink;
  pool: () => PgPool;
  users: () => Awaited<ReturnType<typeof seed>>;
  call: (method: string, path: string, auth?: string) => Promise<Response>;
  login: (who: { email: string; password: string }) => Promise<string>;
}

/** A database, the SMTP sink and the real app with it, and the org admin signed in. */
function useReportFixture(): ReportFixture {
  let db: TestDatabase | undefined;
  let prisma: PrismaClient | undefined;
  let pool: PgPool | undefined;
  let app: INestApplication | undefined;
  let smtp: SmtpSink | undefined;
  let dir = '';
  let baseUrl = '';
  let users: Awaited<ReturnType<typeof seed>>;
  let token = '';
  const login = async (user: { email: string; password: string }) => {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    return ((await res.json()) as { token: string }).token;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fleet-report-'));
    smtp = await startSmtpSink(dir);
    db = await createTestDatabase(target);
    prisma = createPrismaClient(db.url);
    pool = createPgPool(db.url, 2);
    users = await seed(prisma, pool);
    const config = loadConfig({
      DATABASE_URL: db.url,
      AUTH_SECRET: randomBytes(32).toString('hex'),
      API_PORT: '0',
      NOTIFY_SMTP_URL: smtp.url,
      NOTIFY_MAIL_FROM: 'Fleet <reports@fleet.test>',
    });
    app = await createApp(config, pino({ level: 'silent' }));
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    token = await login(users.admin);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await prisma?.$disconnect();
    await pool?.end();
    await db?.drop();
    await smtp?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const call = (method: string, path: string, auth = token) =>
    fetch(`${baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${auth}` } });
  return { smtp: () => smtp!, pool: () => pool!, users: () => users, call, login };
}

/** The German report mail: subject, HTML (sections, numbers, the finding in German) and PDF. */
async function expectGermanReport(mail: ReceivedMail): Promise<void> {
  expect(mail.header('subject')).toContain(`Flottenbericht ${WEEK.isoWeek}`);
  const html = mail.decoded;
  expect(html).toContain('<html lang="de">');
  for (const section of REPORT_TEXTS.de.sections) {
    expect(html).toContain(`<h2>${section}</h2>`);
  }
  expect(html).toContain(
    '1 neue Frühwarnungen, 2 neue Alarme, 1 Strings mit Besuchsbedarf, 1 Standorte ohne Daten',
  );
  // The new finding by its code in the catalogue's German, not its stored English title.
  expect(html).toContain('<td>Frühwarnung: altert schneller als seine Vergleichsgruppe</td>');
  expect(html).not.toContain('<td>Fast SOH fade against its cohort</td>');
  // The string needing a visit lists its open alarms by code in German, not their stored English titles.
  expect(html).toContain(
    '<td>Frühwarnung: altert schneller als seine Vergleichsgruppe; Zellungleichgewicht</td>',
  );
  expect(html).not.toContain('Cell imbalance');
  const text = (await pdfText(pdfAttachment(mail))).replace(/\s+/g, ' ');
  expect(text).toContain(`Wöchentlicher Flottenbericht ${WEEK.isoWeek}`);
  expect(text).not.toContain(REPORT_SECTIONS[0]!);
}

describe('the weekly report’s PDF', () => {
  it('writes the PDF in German too', async () => {
    const report = weeklyReport(
      {
        tenantName: 'Solar Müller',
        newFindings: [],
        newAlarms: 0,
        needingVisit: [],
        offlineSites: [],
        completeness: [{ site: 'Dach', strings: 1, coveredS: 0.125 * 7 * 86_400 }],
      },
      WEEK,
    );
    const text = (await pdfText(await weeklyReportPdf(report, new Date(), 'de'))).replace(/\s+/g, ' ');
    expect(text).toContain(`Wöchentlicher Flottenbericht ${WEEK.isoWeek}`);
    for (const section of REPORT_TEXTS.de.sections) {
      expect(text).toContain(section);
    }
    expect(text).toContain('Diese Woche keine neuen Frühwarnungen.');
    expect(text).toContain('12,5 %');
  });
});

describe('weekly fleet report', () => {
  const { smtp: sink, pool: db, users: who, call, login } = useReportFixture();

  it('previews last week’s report without sending it', async () => {
    const res = await call('GET', '/reports/weekly/preview');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain(`Weekly fleet report ${WEEK.isoWeek}`);
    expect(sink().messages()).toEqual([]);
  });

  it('previews in the reader’s language (?locale=de) and refuses a language it does not have', async () => {
    const res = await call('GET', '/reports/weekly/preview?locale=de');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain(`Wöchentlicher Flottenbericht ${WEEK.isoWeek} — Report Solar`);
    for (const section of REPORT_TEXTS.de.sections) {
      expect(html).toContain(`<h2>${section}</h2>`);
    }
    expect(html).toContain(
      '1 neue Frühwarnungen, 2 neue Alarme, 1 Strings mit Besuchsbedarf, 1 Standorte ohne Daten',
    );
    expect(html).toContain('<td>Hinweis</td>');
    expect(html).toContain('<td>50 %</td>');
    expect((await call('GET', '/reports/weekly/preview?locale=fr')).status).toBe(400);
    expect(sink().messages()).toEqual([]);
  });

  it('mails admins and installers the HTML with the PDF attached, with the week’s sections and numbers', async () => {
    const res = await call('POST', '/reports/weekly/send');
    expect(res.status).toBe(200);
    const run = (await res.json()) as { status: string; isoWeek: string; recipients: string[] };
    expect(run).toMatchObject({ status: 'sent', isoWeek: WEEK.isoWeek });
    expect(run.recipients.sort()).toEqual([who().admin.email, who().installer.email].sort());
    await waitFor('both languages’ mails', () => sink().messages().length === 2, 20_000);
    const mail = sink()
      .messages()
      .find((m) => m.to.includes(who().admin.email))!;
    expect(mail.to).toEqual([who().admin.email]);
    const html = mail.decoded;
    for (const section of REPORT_SECTIONS) {
      expect(html).toContain(`<h2>${section}</h2>`);
    }
    expect(html).toContain('1 new findings, 2 new alarms, 1 strings needing a visit, 1 offline sites');
    expect(html).toContain('Fast SOH fade against its cohort');
    expect(html).toContain('<td>Cell imbalance; Fast SOH fade against its cohort</td>');
    expect(html).toContain('<td>Barn</td>');
    expect(html).toContain('<td>50 %</td>');
    const pdf = pdfAttachment(mail);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    for (const section of REPORT_SECTIONS) {
      expect(text).toContain(section);
    }
    expect(text).toContain('Roof rack');
    expect(text).toContain('50 %');
  });

  it('mails a German reader the report in German, HTML and PDF, in a mail of its own', async () => {
    const mail = sink()
      .messages()
      .find((m) => m.to.includes(who().installer.email))!;
    expect(mail.to).toEqual([who().installer.email]);
    await expectGermanReport(mail);
  });

  it('sends one report per organisation and week: a second send returns the first run', async () => {
    const again = (await (await call('POST', '/reports/weekly/send')).json()) as { status: string };
    expect(again.status).toBe('sent');
    expect(sink().messages()).toHaveLength(2);
    const { rows } = await db().query('SELECT count(*)::int AS n FROM fleet_report');
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('is for org admins only', async () => {
    const installerToken = await login(who().installer);
    expect((await call('POST', '/reports/weekly/send', installerToken)).status).toBe(403);
    expect((await call('GET', '/reports/weekly/preview', installerToken)).status).toBe(403);
  });
});

describe('weekly fleet report, one language’s mail failing', () => {
  const { smtp: sink, pool: db, users: who, call } = useReportFixture();
  const mailsTo = (email: string) =>
    sink()
      .messages()
      .filter((m) => m.to.includes(email));

  it('retries only the language that failed, so each reader gets the report exactly once', async () => {
    const { admin, installer } = who();
    // The German reader's address is one the SMTP server refuses (501): English goes out, German fails.
    await db().query(`UPDATE app_user SET email = 'broken@de@report.test' WHERE id = $1`, [installer.id]);
    const failed = (await (await call('POST', '/reports/weekly/send')).json()) as {
      status: string;
      error: string;
    };
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('501');
    await waitFor('the English mail', () => sink().messages().length === 1, 20_000);
    expect(mailsTo(admin.email)).toHaveLength(1);

    await db().query('UPDATE app_user SET email = $2 WHERE id = $1', [installer.id, installer.email]);
    const retried = (await (await call('POST', '/reports/weekly/send')).json()) as { status: string };
    expect(retried.status).toBe('sent');
    await waitFor('the German mail', () => sink().messages().length === 2, 20_000);
    expect(mailsTo(admin.email)).toHaveLength(1);
    expect(mailsTo(installer.email)).toHaveLength(1);
    await expectGermanReport(mailsTo(installer.email)[0]!);
    const { rows } = await db().query('SELECT sent_locales AS "sentLocales", attempts FROM fleet_report');
    expect(rows).toEqual([{ sentLocales: ['en', 'de'], attempts: 2 }]);
  });
});
