import {
  BmsModuleRepository,
  type PgPool,
  WarrantySeriesRepository,
  WarrantyStringRepository,
  WarrantyTermsRepository,
} from '@fleet/db';
import { Module } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import { CommissioningService } from './commissioning.service.js';
import { StringWarrantyController } from './string-warranty.controller.js';
import { WarrantyService } from './warranty.service.js';
import {
  WARRANTY_MODULE_REPO,
  WARRANTY_SERIES_REPO,
  WARRANTY_STRING_REPO,
  WARRANTY_TERMS_REPO,
} from './warranty.tokens.js';
import { WarrantyTermsController } from './warranty-terms.controller.js';
import { WarrantyTermsService } from './warranty-terms.service.js';

const onScopedPool = <T>(provide: symbol, make: (pool: PgPool) => T) => ({
  provide,
  useFactory: make,
  inject: [SCOPED_PG_POOL],
});

/**
 * Warranty life (issue 9): terms, install records, the status of a string. Exports
 * WarrantyService so the evidence pack reuses the same status.
 */
@Module({
  controllers: [WarrantyTermsController, StringWarrantyController],
  providers: [
    onScopedPool(WARRANTY_TERMS_REPO, (p) => new WarrantyTermsRepository(p)),
    onScopedPool(WARRANTY_STRING_REPO, (p) => new WarrantyStringRepository(p)),
    onScopedPool(WARRANTY_SERIES_REPO, (p) => new WarrantySeriesRepository(p)),
    onScopedPool(WARRANTY_MODULE_REPO, (p) => new BmsModuleRepository(p)),
    WarrantyTermsService,
    CommissioningService,
    WarrantyService,
  ],
  exports: [WarrantyService],
})
export class WarrantyModule {}
