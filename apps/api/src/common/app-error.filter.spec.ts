import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { toErrorBody } from './app-error.filter.js';
import { AppError } from './app-error.js';

describe('toErrorBody', () => {
  it('maps each domain code to its status and keeps the message', () => {
    expect(toErrorBody(new AppError('NOT_FOUND', 'site x not found'), 'r1')).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'site x not found',
      requestId: 'r1',
    });
    expect(toErrorBody(new AppError('INVALID_CREDENTIALS', 'no'), 'r1').statusCode).toBe(401);
    expect(toErrorBody(new AppError('DATABASE_UNAVAILABLE', 'down'), 'r1').statusCode).toBe(503);
  });

  it('keeps the status of framework exceptions and gives them the nearest code', () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /api/nope'), 'r')).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'Cannot GET /api/nope',
    });
    expect(toErrorBody(new BadRequestException(['a: bad', 'b: bad']), 'r')).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'a: bad; b: bad',
    });
  });

  it('answers a body over the size limit like any other bad body: 400 naming the limit', () => {
    expect(toErrorBody(new PayloadTooLargeException(), 'r')).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'body: too large (at most 100 kB)',
    });
  });

  it('hides the details of unexpected errors', () => {
    const body = toErrorBody(new Error('connection string postgres://secret@db'), 'r');
    expect(body).toEqual({ statusCode: 500, code: 'INTERNAL', message: 'internal error', requestId: 'r' });
  });
});
