import type { PgPool } from '../client.js';
import { AlarmTx } from './alarm-tx.js';

/**
 * Runs alarm writes in one transaction: rule state, alarm rows and their transitions (audit +
 * outbox) commit together or not at all, so an event exists exactly when its change does.
 */
export class AlarmStore {
  constructor(private readonly pool: PgPool) {}

  async transaction<T>(work: (tx: AlarmTx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(new AlarmTx(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
