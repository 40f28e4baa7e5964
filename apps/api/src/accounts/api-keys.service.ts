import { ApiKeyRepository, type ApiKeyRow } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { newApiKey } from '../auth/api-key-format.js';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import type { ApiKeyDto, CreateApiKeyBody, CreatedApiKeyDto } from './api-keys.dto.js';

/** The organisation's API keys: made (the key shown once), listed, revoked (at once). */
@Injectable()
export class ApiKeysService {
  constructor(@Inject(ApiKeyRepository) private readonly keys: ApiKeyRepository) {}

  async create(auth: AuthContext, body: CreateApiKeyBody): Promise<CreatedApiKeyDto> {
    const made = newApiKey();
    const row = await this.keys.create({
      id: made.id,
      tenantId: auth.tenantId,
      name: body.name,
      scopes: body.scopes,
      secretHash: made.secretHash,
      createdBy: auth.userId,
    });
    return { ...toDto(row), key: made.key };
  }

  async list(auth: AuthContext): Promise<ApiKeyDto[]> {
    return (await this.keys.list(auth.tenantId)).map(toDto);
  }

  async revoke(auth: AuthContext, id: string): Promise<void> {
    if (!(await this.keys.revoke(auth.tenantId, id, new Date()))) {
      throw new AppError('NOT_FOUND', 'no such active API key in your organisation');
    }
  }
}

function toDto(row: ApiKeyRow): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
