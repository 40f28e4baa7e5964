import type { ServerResponse } from 'node:http';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { ApiRequest } from '../logging/api-request.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { AppError, type AppErrorCode, httpStatusOf } from './app-error.js';

/** express's JSON body limit, which Nest keeps; named in the 400 for a larger body. */
const BODY_LIMIT = 'at most 100 kB';

/** The JSON body of every error response. */
export interface ErrorBody {
  statusCode: number;
  code: AppErrorCode;
  message: string;
  requestId: string | undefined;
}

/**
 * The one place where failures become HTTP responses (STYLE.md §12). Domain errors carry their
 * code; framework exceptions (unknown route, unparsable JSON) keep their status and get the
 * nearest code; anything else is a 500 whose details go to the log only. Rejections are
 * counted per code so the log shows how often each kind of bad input arrives.
 */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly counts = new Map<AppErrorCode, number>();

  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<ApiRequest>();
    const response = http.getResponse<ServerResponse>();
    const body = toErrorBody(exception, request.id);
    const count = (this.counts.get(body.code) ?? 0) + 1;
    this.counts.set(body.code, count);
    const log = request.log ?? this.logger;
    if (body.statusCode >= 500) {
      log.error({ err: exception, code: body.code, count }, 'request failed');
    } else {
      log.warn({ code: body.code, reason: body.message, count }, 'request rejected');
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    response.statusCode = body.statusCode;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(JSON.stringify(body));
  }
}

export function toErrorBody(exception: unknown, requestId: string | undefined): ErrorBody {
  if (exception instanceof AppError) {
    return {
      statusCode: httpStatusOf(exception.code),
      code: exception.code,
      message: exception.message,
      requestId,
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    if (statusCode === 413) {
      // A body over the parser's limit is bad input like any other: one 400 for every way a body
      // can be wrong, so clients handle a single case (issue 8), with the limit in the message.
      return {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: `body: too large (${BODY_LIMIT})`,
        requestId,
      };
    }
    return { statusCode, code: codeOfStatus(statusCode), message: messageOf(exception), requestId };
  }
  return { statusCode: 500, code: 'INTERNAL', message: 'internal error', requestId };
}

function codeOfStatus(status: number): AppErrorCode {
  if (status === 401 || status === 403) {
    return 'UNAUTHENTICATED';
  }
  if (status === 404) {
    return 'NOT_FOUND';
  }
  if (status === 503) {
    return 'DATABASE_UNAVAILABLE';
  }
  return status >= 400 && status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL';
}

function messageOf(exception: HttpException): string {
  if (exception.getStatus() >= 500) {
    return 'internal error';
  }
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null && 'message' in response) {
    const message = (response as { message: unknown }).message;
    return Array.isArray(message) ? message.join('; ') : String(message);
  }
  return exception.message;
}
