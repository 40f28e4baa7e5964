import { z } from 'zod';
import { REPORT_LOCALES } from './weekly-report.texts.js';

export const weeklyReportRunSchema = z
  .object({
    isoWeek: z.string().describe('ISO 8601 week the report covers, e.g. 2027-W02.'),
    periodFrom: z.iso.datetime({ offset: true }),
    periodTo: z.iso.datetime({ offset: true }),
    status: z.enum(['queued', 'sent', 'failed']),
    attempts: z.number().int(),
    recipients: z.array(z.string()),
    error: z.string().nullable(),
    sentAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'WeeklyReportRun' });
export type WeeklyReportRunDto = z.infer<typeof weeklyReportRunSchema>;

export const weeklyReportPreviewQuerySchema = z.strictObject({
  locale: z
    .enum(REPORT_LOCALES)
    .optional()
    .describe('Language of the preview (the reader’s web language); default English, the mail’s language.'),
});
export type WeeklyReportPreviewQuery = z.infer<typeof weeklyReportPreviewQuerySchema>;
