import type { PrismaClient } from '@fleet/db';

/** Where a gateway's telemetry belongs: its site, that site's organisation, its strings by wire key. */
export interface GatewayPlace {
  tenantId: string;
  siteId: string;
  /** `<bus>#<bmsAddress>` → bms_string.id */
  strings: ReadonlyMap<string, string>;
}

export interface SitePlace {
  id: string;
  tenantId: string;
}

export interface StringPlace {
  id: string;
  siteId: string;
  tenantId: string;
}

const MAX_ENTRIES = 20_000;

interface Cached<T> {
  value: Promise<T>;
  at: number;
}

/**
 * Maps wire identities to the cloud's ids for the live hub, which serves every tenant (like
 * ingest) and so reads through the system client; each stream then filters by its caller's
 * scope. Lookups are cached (the promise, so messages of one gateway stay in order while the
 * first lookup runs) for `ttlMs`; a string ingest registered after the gateway was cached shows
 * once the entry is refreshed, which a miss asks for at most once per `missRetryMs`.
 */
export class LiveDirectory {
  private readonly gateways = new Map<string, Cached<GatewayPlace | null>>();
  private readonly sites = new Map<string, Cached<SitePlace | null>>();
  private readonly stringsById = new Map<string, Cached<StringPlace | null>>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly ttlMs = 60_000,
    private readonly missRetryMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Where a gateway's telemetry belongs, or null for an unknown gateway. */
  gateway(gatewayId: string): Promise<GatewayPlace | null> {
    return this.cached(this.gateways, gatewayId, () => this.loadGateway(gatewayId));
  }

  /** The place of a gateway's string, or null when the gateway or string is unknown (yet). */
  async stringOf(gatewayId: string, key: string): Promise<{ place: GatewayPlace; stringId: string } | null> {
    let place = await this.gateway(gatewayId);
    if (place && !place.strings.has(key)) {
      const entry = this.gateways.get(gatewayId);
      if (entry && this.now() - entry.at >= this.missRetryMs) {
        this.gateways.delete(gatewayId);
        place = await this.gateway(gatewayId);
      }
    }
    const stringId = place?.strings.get(key);
    return place && stringId ? { place, stringId } : null;
  }

  site(siteId: string): Promise<SitePlace | null> {
    return this.cached(this.sites, siteId, () =>
      this.prisma.site.findUnique({ where: { id: siteId }, select: { id: true, tenantId: true } }),
    );
  }

  string(stringId: string): Promise<StringPlace | null> {
    return this.cached(this.stringsById, stringId, () =>
      this.prisma.bmsString.findUnique({
        where: { id: stringId },
        select: { id: true, siteId: true, tenantId: true },
      }),
    );
  }

  private async loadGateway(gatewayId: string): Promise<GatewayPlace | null> {
    const gateway = await this.prisma.gateway.findUnique({
      where: { id: gatewayId },
      select: {
        tenantId: true,
        siteId: true,
        strings: { select: { id: true, bus: true, bmsAddress: true } },
      },
    });
    if (!gateway) {
      return null;
    }
    const strings = new Map(gateway.strings.map((s) => [`${s.bus}#${s.bmsAddress}`, s.id]));
    return { tenantId: gateway.tenantId, siteId: gateway.siteId, strings };
  }

  private cached<T>(map: Map<string, Cached<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) {
      return hit.value;
    }
    if (map.size >= MAX_ENTRIES) {
      // Bounds memory against streams opened with made-up ids; the cache refills from use.
      map.clear();
    }
    const value = load();
    map.set(key, { value, at: this.now() });
    // A failed lookup is not remembered: the next message asks again.
    value.catch(() => {
      if (map.get(key)?.value === value) {
        map.delete(key);
      }
    });
    return value;
  }
}
