import { type SavedView, SavedViewLimitError, SavedViewRepository } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import type { SavedViewBody, SavedViewDto } from './saved-views.dto.js';

/** A member's own saved fleet views; nobody else's are ever listed, replaced or deleted. */
@Injectable()
export class SavedViewsService {
  constructor(@Inject(SavedViewRepository) private readonly views: SavedViewRepository) {}

  async list(auth: AuthContext): Promise<SavedViewDto[]> {
    return (await this.views.list(ownerOf(auth))).map(toDto);
  }

  async save(auth: AuthContext, body: SavedViewBody): Promise<SavedViewDto> {
    try {
      return toDto(await this.views.save(ownerOf(auth), body));
    } catch (error) {
      if (error instanceof SavedViewLimitError) {
        throw new AppError('CONFLICT', error.message);
      }
      throw error;
    }
  }

  async delete(auth: AuthContext, id: string): Promise<void> {
    if (!(await this.views.delete(ownerOf(auth), id))) {
      throw new AppError('NOT_FOUND', 'no such saved view');
    }
  }
}

/** Views belong to a person: an API key (no session) acts for an organisation and has none. */
function ownerOf(auth: AuthContext) {
  if (auth.sessionIssuedAtMs === undefined) {
    throw new AppError('FORBIDDEN', 'saved views belong to a signed-in member; an API key has none');
  }
  return { tenantId: auth.tenantId, userId: auth.userId };
}

function toDto(view: SavedView): SavedViewDto {
  return { ...view, createdAt: view.createdAt.toISOString(), updatedAt: view.updatedAt.toISOString() };
}
