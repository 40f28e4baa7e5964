import type { PgPool } from '../client.js';

/** A user's named fleet-view query (the URL query string of /fleet, without the `?`). */
export interface SavedView {
  id: string;
  name: string;
  query: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Who owns the views: the member and the organisation it belongs to. */
export interface SavedViewOwner {
  tenantId: string;
  userId: string;
}

/** A member keeps at most this many views; saving one more is refused. */
export const SAVED_VIEWS_MAX = 50;

/** Saving a new name while the member already has SAVED_VIEWS_MAX views. */
export class SavedViewLimitError extends Error {
  override readonly name = 'SavedViewLimitError';
}

const COLUMNS = `id, name, query, created_at AS "createdAt", updated_at AS "updatedAt"`;

// Saving a name the member already uses replaces its query (one view per name). The count guard
// runs in the same statement, so two racing saves cannot both slip past the limit by much.
const SAVE_SQL = `
  INSERT INTO saved_view (id, tenant_id, user_id, name, query)
  SELECT gen_random_uuid(), $1, $2, $3, $4
   WHERE EXISTS (SELECT 1 FROM saved_view WHERE user_id = $2 AND tenant_id = $1 AND name = $3)
      OR (SELECT count(*) FROM saved_view WHERE user_id = $2 AND tenant_id = $1) < $5
  ON CONFLICT (user_id, name) DO UPDATE SET query = EXCLUDED.query, updated_at = now()
  RETURNING ${COLUMNS}`;

/**
 * saved_view on the API's scoped pool: row-level security admits the caller's organisation, and
 * every statement here also names the user, so a member sees and deletes only its own views.
 */
export class SavedViewRepository {
  constructor(private readonly pool: PgPool) {}

  async list(owner: SavedViewOwner): Promise<SavedView[]> {
    const { rows } = await this.pool.query<SavedView>(
      `SELECT ${COLUMNS} FROM saved_view WHERE tenant_id = $1 AND user_id = $2 ORDER BY name, id`,
      [owner.tenantId, owner.userId],
    );
    return rows;
  }

  async save(owner: SavedViewOwner, view: { name: string; query: string }): Promise<SavedView> {
    const { rows } = await this.pool.query<SavedView>(SAVE_SQL, [
      owner.tenantId,
      owner.userId,
      view.name,
      view.query,
      SAVED_VIEWS_MAX,
    ]);
    const saved = rows[0];
    if (!saved) {
      throw new SavedViewLimitError(`a member keeps at most ${SAVED_VIEWS_MAX} saved views`);
    }
    return saved;
  }

  /** False when the view does not exist or is not the user's (the API answers 404 alike). */
  async delete(owner: SavedViewOwner, id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'DELETE FROM saved_view WHERE id = $1 AND tenant_id = $2 AND user_id = $3',
      [id, owner.tenantId, owner.userId],
    );
    return (rowCount ?? 0) > 0;
  }
}
