import type { WarrantyTermsRepository } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import { WARRANTY_TERMS_REPO } from './warranty.tokens.js';
import type { WarrantyTermsBody, WarrantyTermsDto, WarrantyTermsListDto } from './warranty-terms.dto.js';
import { termsToDto } from './warranty-terms.map.js';

/**
 * The caller's organisation's warranty terms. Always the caller's own organisation (auth.tenantId):
 * an owner reads the terms of the installer it belongs to; writes are for org admins (route rule)
 * and reach only their own organisation's rows (row-level security agrees).
 */
@Injectable()
export class WarrantyTermsService {
  constructor(@Inject(WARRANTY_TERMS_REPO) private readonly terms: WarrantyTermsRepository) {}

  async list(auth: AuthContext): Promise<WarrantyTermsListDto> {
    return { items: (await this.terms.list(auth.tenantId)).map(termsToDto) };
  }

  async create(auth: AuthContext, body: WarrantyTermsBody): Promise<WarrantyTermsDto> {
    return termsToDto(await this.terms.create(auth.tenantId, body, auth.userId));
  }

  async update(auth: AuthContext, id: string, body: WarrantyTermsBody): Promise<WarrantyTermsDto> {
    const row = await this.terms.update(auth.tenantId, id, body, auth.userId);
    if (!row) {
      throw new AppError('NOT_FOUND', `warranty terms ${id} not found`);
    }
    return termsToDto(row);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    if (!(await this.terms.remove(auth.tenantId, id))) {
      throw new AppError('NOT_FOUND', `warranty terms ${id} not found`);
    }
  }
}
