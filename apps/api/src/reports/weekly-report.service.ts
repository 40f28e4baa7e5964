import type { FleetReportRepository, FleetReportRow } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { sendMail } from '../notifications/providers/smtp-mailer.js';
import { type IsoWeek, lastCompleteIsoWeek } from './iso-week.js';
import { FLEET_REPORT_REPO } from './reports.tokens.js';
import { weeklyReportHtml, weeklyReportText } from './weekly-report.html.js';
import { type WeeklyReport, weeklyReport } from './weekly-report.model.js';
import { weeklyReportPdf } from './weekly-report.pdf.js';
import {
  DEFAULT_REPORT_LOCALE,
  REPORT_LOCALES,
  REPORT_TEXTS,
  type ReportLocale,
} from './weekly-report.texts.js';

/** A row failed this often is left alone (its error is kept for the admin to read). */
export const MAX_REPORT_ATTEMPTS = 3;
const LEASE_S = 300;
const SEND_TIMEOUT_MS = 30_000;

/**
 * The weekly fleet report (issue 10): built from alarms (findings included), strings and rollups
 * of the last complete ISO week, mailed as HTML with the PDF attached to the organisation's admins
 * and installers, each in their own language: one mail per language, rendered once, to everyone
 * who reads it. One row per organisation and week makes it idempotent and resumable; the row lists
 * the languages already sent, so a retry after one language's mail failed sends only the others.
 */
@Injectable()
export class WeeklyReportService {
  constructor(
    @Inject(FLEET_REPORT_REPO) private readonly repo: FleetReportRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(tenantId: string, week: IsoWeek, now: Date): Promise<WeeklyReport> {
    const data = await this.repo.data({ tenantId, from: week.from, to: week.to, asOf: now });
    return weeklyReport(data, week);
  }

  async preview(
    tenantId: string,
    locale: ReportLocale = DEFAULT_REPORT_LOCALE,
    now = new Date(),
  ): Promise<string> {
    return weeklyReportHtml(await this.build(tenantId, lastCompleteIsoWeek(now), now), locale);
  }

  /** Last week's report of one organisation, sent now unless it was already (then that run is returned). */
  async sendNow(tenantId: string, now = new Date()): Promise<FleetReportRow> {
    const week = lastCompleteIsoWeek(now);
    const row = await this.repo.enqueue(tenantId, week.isoWeek, week.from, week.to);
    return row.status === 'sent' ? row : ((await this.process(row.id, now)) ?? row);
  }

  /** The schedule's step: last week's row for every installer organisation, then every row still due. */
  async runDue(now = new Date()): Promise<number> {
    const week = lastCompleteIsoWeek(now);
    for (const tenantId of await this.repo.installerOrganisations()) {
      await this.repo.enqueue(tenantId, week.isoWeek, week.from, week.to);
    }
    let sent = 0;
    for (const id of await this.repo.due(MAX_REPORT_ATTEMPTS)) {
      sent += (await this.process(id, now))?.status === 'sent' ? 1 : 0;
    }
    return sent;
  }

  private async process(id: string, now: Date): Promise<FleetReportRow | null> {
    const row = await this.repo.claim(id, LEASE_S);
    if (row === null) {
      return null;
    }
    const smtp = this.config.notify.smtp;
    if (smtp === null) {
      await this.repo.markFailed(id, 'no SMTP server configured (NOTIFY_SMTP_URL)');
      return { ...row, status: 'failed', error: 'no SMTP server configured (NOTIFY_SMTP_URL)' };
    }
    const report = await this.build(
      row.tenantId,
      { isoWeek: row.isoWeek, from: row.periodFrom, to: row.periodTo },
      now,
    );
    const people = await this.repo.recipients(row.tenantId);
    const sentLocales = [...row.sentLocales];
    for (const [locale, to] of byLocale(people)) {
      if (sentLocales.includes(locale)) {
        continue; // went out on an earlier attempt: a retry sends only the languages still missing
      }
      const message = {
        from: smtp.from,
        to: to.join(', '),
        subject: REPORT_TEXTS[locale].mailSubject(row.isoWeek, report.totals.needingVisit),
        text: weeklyReportText(report, locale),
        html: weeklyReportHtml(report, locale),
        attachments: [
          {
            filename: `fleet-report-${row.isoWeek}.pdf`,
            content: await weeklyReportPdf(report, now, locale),
            contentType: 'application/pdf',
          },
        ],
      };
      const result = await sendMail(smtp.url, message, AbortSignal.timeout(SEND_TIMEOUT_MS));
      if (!result.ok) {
        await this.repo.markFailed(id, result.error);
        return { ...row, status: 'failed', sentLocales, error: result.error };
      }
      await this.repo.markLocaleSent(id, locale);
      sentLocales.push(locale);
    }
    const recipients = people.map((p) => p.email);
    await this.repo.markSent(id, report.totals, recipients);
    return { ...row, status: 'sent', recipients, sentLocales, sentAt: new Date(), error: null };
  }
}

/** Recipients grouped by language, English first, so each language is rendered once. */
export function byLocale(
  people: ReadonlyArray<{ email: string; locale: ReportLocale }>,
): Map<ReportLocale, string[]> {
  const groups = new Map<ReportLocale, string[]>();
  for (const locale of REPORT_LOCALES) {
    const to = people.filter((p) => p.locale === locale).map((p) => p.email);
    if (to.length > 0) {
      groups.set(locale, to);
    }
  }
  return groups;
}
