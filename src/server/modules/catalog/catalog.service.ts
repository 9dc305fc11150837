import type { AppDeps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';
import type { PreparedJson } from '../../platform/http/prepared-response.js';
import { prepareJson } from '../../platform/http/prepared-response.js';
import type { CategoryRow, ServiceWithStats } from './catalog.repo.js';
import { findService, listCategories, listServicesWithStats } from './catalog.repo.js';

const INVALIDATE_CHANNEL = 'catalog.invalidate';
/** Demand counts drift slowly; offering changes invalidate at once. */
const SNAPSHOT_TTL_MS = 60_000;
/** While invalidations from other instances may be lost (Redis down), theirs show after this. */
const UNRELIABLE_TTL_MS = 5_000;

export interface CatalogSnapshot {
  categories: CategoryRow[];
  services: ServiceWithStats[];
  byId: Map<string, ServiceWithStats>;
  bySlug: Map<string, ServiceWithStats>;
  categoryBySlugOrId: Map<string, CategoryRow>;
  prepared: { categories: PreparedJson; all: PreparedJson };
  top: Map<number, PreparedJson>;
}

export const publicService = (s: ServiceWithStats) => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  categorySlug: s.categorySlug,
  description: s.description,
  searchTerms: s.searchTerms,
  relatedSlugs: s.relatedSlugs,
  onlineCapable: s.onlineCapable,
  requiresCertification: s.requiresCertification,
  typicalDurations: s.typicalDurations,
  displayOrder: s.displayOrder,
  instructorCount: s.instructorCount,
  minRateCents: s.minRateCents,
  maxRateCents: s.maxRateCents,
});

/**
 * The catalog is a hot, rarely changing read: it is built once per instance into serialised and
 * compressed bodies, and rebuilt after an invalidation (broadcast to every instance) or a minute.
 */
export class CatalogService {
  private current?: { at: number; snapshot: Promise<CatalogSnapshot> };
  private readonly listeners: (() => Promise<void>)[] = [];

  constructor(private readonly deps: Pick<AppDeps, 'db' | 'cache' | 'clock' | 'metrics'>) {
    const drop = () => {
      this.current = undefined;
    };
    deps.cache.subscribe(INVALIDATE_CHANNEL, drop, drop);
  }

  /** Offerings, instructor status or bookings changed: counts, rates and search must follow. */
  onInvalidate(listener: () => Promise<void>): void {
    this.listeners.push(listener);
  }

  async invalidate(): Promise<void> {
    this.current = undefined;
    await this.deps.cache.publish(INVALIDATE_CHANNEL, String(Date.now()));
    for (const l of this.listeners) await l();
  }

  snapshot(): Promise<CatalogSnapshot> {
    const ttl = this.deps.cache.broadcastReliable() ? SNAPSHOT_TTL_MS : UNRELIABLE_TTL_MS;
    const fresh = this.current && Date.now() - this.current.at < ttl;
    this.deps.metrics.cacheResult('catalog', !!fresh);
    if (!fresh) {
      const snapshot = this.build();
      this.current = { at: Date.now(), snapshot };
      // A failed build must not stay memoised.
      snapshot.catch(() => {
        if (this.current?.snapshot === snapshot) this.current = undefined;
      });
    }
    return this.current!.snapshot;
  }

  private async build(): Promise<CatalogSnapshot> {
    const [categories, services] = await Promise.all([
      listCategories(this.deps.db),
      listServicesWithStats(this.deps.db, this.deps.clock.now()),
    ]);
    const categoryBySlugOrId = new Map<string, CategoryRow>();
    for (const c of categories) categoryBySlugOrId.set(c.slug, c).set(c.id, c);
    const inCategory = (c: CategoryRow) => services.filter((s) => s.categoryId === c.id);
    const categoryItems = categories.map((c) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      subtitle: c.subtitle,
      description: c.description,
      icon: c.icon,
      displayOrder: c.displayOrder,
      serviceCount: inCategory(c).length,
    }));
    const all = {
      categories: categories.map((c) => ({
        id: c.id,
        slug: c.slug,
        name: c.name,
        subtitle: c.subtitle,
        icon: c.icon,
        services: inCategory(c).map((s) => ({
          id: s.id,
          slug: s.slug,
          name: s.name,
          searchTerms: s.searchTerms,
          onlineCapable: s.onlineCapable,
          typicalDurations: s.typicalDurations,
          instructorCount: s.instructorCount,
          minRateCents: s.minRateCents,
          maxRateCents: s.maxRateCents,
        })),
      })),
    };
    return {
      categories,
      services,
      byId: new Map(services.map((s) => [s.id, s])),
      bySlug: new Map(services.map((s) => [s.slug, s])),
      categoryBySlugOrId,
      prepared: {
        categories: prepareJson({
          items: categoryItems,
          total: categoryItems.length,
          page: 1,
          // A page has at least one slot, even before the catalog is loaded.
          perPage: Math.max(1, categoryItems.length),
        }),
        all: prepareJson(all),
      },
      top: new Map(),
    };
  }

  /**
   * Homepage pills: per category, the services with ≥ 1 active instructor, most in demand first
   * (the service-analytics demand score, then recent bookings).
   */
  async topPerCategory(limit: number): Promise<PreparedJson> {
    const snap = await this.snapshot();
    const hit = snap.top.get(limit);
    if (hit) return hit;
    const body = {
      categories: snap.categories.map((c) => ({
        id: c.id,
        slug: c.slug,
        name: c.name,
        subtitle: c.subtitle,
        icon: c.icon,
        services: snap.services
          .filter((s) => s.categoryId === c.id && s.instructorCount > 0)
          .sort(
            (a, b) =>
              b.demandScore - a.demandScore ||
              b.recentBookings - a.recentBookings ||
              b.instructorCount - a.instructorCount ||
              a.displayOrder - b.displayOrder,
          )
          .slice(0, limit)
          .map((s) => ({
            id: s.id,
            slug: s.slug,
            name: s.name,
            instructorCount: s.instructorCount,
            minRateCents: s.minRateCents,
          })),
      })),
    };
    const prepared = prepareJson(body);
    snap.top.set(limit, prepared);
    return prepared;
  }

  async servicesOf(categorySlugOrId: string | undefined): Promise<ServiceWithStats[]> {
    const snap = await this.snapshot();
    if (!categorySlugOrId) return snap.services;
    const cat = snap.categoryBySlugOrId.get(categorySlugOrId);
    if (!cat) throw notFound('Category');
    return snap.services.filter((s) => s.categoryId === cat.id);
  }

  async service(slugOrId: string): Promise<ServiceWithStats> {
    const snap = await this.snapshot();
    const s = snap.bySlug.get(slugOrId) ?? snap.byId.get(slugOrId);
    if (!s) throw notFound('Service');
    return s;
  }

  /** One catalog service by id or slug, retired ones included: instructors check what they add. */
  findService(idOrSlug: { id?: string; slug?: string }) {
    return findService(this.deps.db, idOrSlug);
  }
}
