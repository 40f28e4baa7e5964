import type { PrismaClient } from '@fleet/db';
import { describe, expect, it, vi } from 'vitest';
import { LiveDirectory } from './live-directory.js';

/** A Prisma stand-in answering gateway lookups from a mutable table, counting the calls. */
function fakePrisma(strings: { id: string; bus: string; bmsAddress: number }[]) {
  const findUnique = vi.fn(async () => ({ tenantId: 'org-a', siteId: 'site-a1', strings: [...strings] }));
  return { prisma: { gateway: { findUnique } } as unknown as PrismaClient, findUnique };
}

describe('LiveDirectory', () => {
  it('maps a string by its wire key and asks the database once while the entry is fresh', async () => {
    const { prisma, findUnique } = fakePrisma([{ id: 'string-1', bus: 'can0', bmsAddress: 1 }]);
    const sut = new LiveDirectory(prisma, 60_000, 5_000, () => 1_000);
    const [first, second] = await Promise.all([
      sut.stringOf('gw-1', 'can0#1'),
      sut.stringOf('gw-1', 'can0#1'),
    ]);
    expect(first).toEqual({ place: expect.objectContaining({ siteId: 'site-a1' }), stringId: 'string-1' });
    expect(second?.stringId).toBe('string-1');
    expect(findUnique).toHaveBeenCalledTimes(1);
  });

  it('looks a gateway up again for a string it did not know, but not more often than missRetryMs', async () => {
    const table = [{ id: 'string-1', bus: 'can0', bmsAddress: 1 }];
    const { prisma, findUnique } = fakePrisma(table);
    let now = 0;
    const sut = new LiveDirectory(prisma, 60_000, 5_000, () => now);
    await sut.gateway('gw-1');
    table.push({ id: 'string-2', bus: 'can0', bmsAddress: 2 });
    now = 1_000;
    expect(await sut.stringOf('gw-1', 'can0#2')).toBeNull();
    now = 5_000;
    expect((await sut.stringOf('gw-1', 'can0#2'))?.stringId).toBe('string-2');
    expect(findUnique).toHaveBeenCalledTimes(2);
  });

  it('does not remember a failed lookup', async () => {
    const { prisma, findUnique } = fakePrisma([]);
    findUnique.mockRejectedValueOnce(new Error('connection reset'));
    const sut = new LiveDirectory(prisma);
    await expect(sut.gateway('gw-1')).rejects.toThrow('connection reset');
    expect(await sut.gateway('gw-1')).toMatchObject({ tenantId: 'org-a' });
  });
});
