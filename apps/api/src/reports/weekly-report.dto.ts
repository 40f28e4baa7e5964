import { z } from 'zod';

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
