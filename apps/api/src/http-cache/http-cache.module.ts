import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR, HttpAdapterHost } from '@nestjs/core';
import { EtagInterceptor } from './etag.interceptor.js';

/**
 * ETag on reads (issue 8). Express would otherwise tag every `res.send` body by itself (POST
 * answers and errors included); that is switched off so EtagInterceptor alone decides which
 * responses carry one. Express still turns a fresh conditional GET into the 304.
 */
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: EtagInterceptor }] })
export class HttpCacheModule implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const instance = this.adapterHost.httpAdapter?.getInstance() as {
      set?(key: string, value: unknown): void;
    };
    instance?.set?.('etag', false);
  }
}
