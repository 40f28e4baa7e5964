import { z } from 'zod';
import { appErrorCodes } from '../common/app-error.js';

const codes = Object.keys(appErrorCodes) as [keyof typeof appErrorCodes, ...(keyof typeof appErrorCodes)[]];

/** The body of every error response (see AppErrorFilter), for the OpenAPI document. */
export const errorBodySchema = z
  .object({
    statusCode: z.number().int(),
    code: z.enum(codes),
    message: z.string().describe('Human-readable; for validation errors it names the offending field.'),
    requestId: z
      .string()
      .optional()
      .describe('Also in the x-request-id header; quote it when reporting a problem.'),
  })
  .meta({ id: 'ErrorBody' });
