import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/http/errors.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import type { InstructorsService } from '../instructors/instructors.service.js';
import type { PageHead } from './page-head.js';
import { SITE_NAME, clip } from './page-head.js';
import { listIndexableInstructorIds } from './seo.repo.js';

const TAGLINE = 'Find a local instructor by typing what you want, see real availability, book in seconds.';

const dollars = (cents: number) => `$${Math.round(cents / 100)}`;

/** The head a public page gets and the sitemap, from the catalog and the instructor profiles. */
export class PageMetaService {
  private readonly base: string;

  constructor(
    private readonly deps: Pick<AppDeps, 'config' | 'db'>,
    private readonly catalog: CatalogService,
    private readonly instructors: InstructorsService,
  ) {
    this.base = deps.config.publicUrl.replace(/\/+$/, '');
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  home(): PageHead {
    return {
      title: `${SITE_NAME} — book a lesson in seconds`,
      description: TAGLINE,
      canonical: this.url('/'),
      type: 'website',
    };
  }

  async allServices(): Promise<PageHead> {
    const snap = await this.catalog.snapshot();
    const names = snap.categories.map((c) => c.name).join(', ');
    return {
      title: `All services · ${SITE_NAME}`,
      description: clip(
        `Browse ${snap.services.length} kinds of lessons in ${snap.categories.length} categories: ${names}. See who has a free time and book in seconds.`,
      ),
      canonical: this.url('/services'),
      type: 'website',
    };
  }

  /** null: no such active service. */
  async service(slug: string): Promise<PageHead | null> {
    const snap = await this.catalog.snapshot();
    const s = snap.bySlug.get(slug);
    if (!s) return null;
    const who =
      s.instructorCount > 0
        ? `${s.instructorCount} ${s.instructorCount === 1 ? 'instructor' : 'instructors'}${s.minRateCents !== null ? ` from ${dollars(s.minRateCents)}/h` : ''}.`
        : 'No instructors yet.';
    return {
      title: `${s.name} lessons · ${SITE_NAME}`,
      description: clip(`${s.description.trim().replace(/\.?$/, '.')} ${who}`),
      canonical: this.url(`/services/${encodeURIComponent(s.slug)}`),
      type: 'website',
    };
  }

  /** null: no such active instructor (a guest's view, whoever asks: the page is cached by crawlers). */
  async instructor(id: string): Promise<PageHead | null> {
    let p;
    try {
      p = await this.instructors.publicProfile(id, null);
    } catch (err) {
      if (err instanceof AppError && err.statusCode === 404) return null;
      throw err;
    }
    const teaches = [...new Set(p.services.map((o) => o.service.name))];
    const subject = teaches.length ? `${teaches.slice(0, 3).join(', ')} instructor` : 'Instructor';
    const bio = p.bio.trim();
    return {
      title: `${p.name} — ${subject} · ${SITE_NAME}`,
      description: clip(
        bio || `${p.name} teaches ${teaches.join(', ') || 'on ' + SITE_NAME}. See open times and book.`,
      ),
      canonical: this.url(`/instructors/${id}`),
      type: 'profile',
    };
  }

  notFound(path: string): PageHead {
    return {
      title: `Page not found · ${SITE_NAME}`,
      description: TAGLINE,
      canonical: this.url(path),
      type: 'website',
      noindex: true,
    };
  }

  /** Home, all services, every active service and every listable instructor profile. */
  async sitemapUrls(): Promise<string[]> {
    const [snap, ids] = await Promise.all([
      this.catalog.snapshot(),
      listIndexableInstructorIds(this.deps.db),
    ]);
    return [
      this.url('/'),
      this.url('/services'),
      ...snap.services.map((s) => this.url(`/services/${encodeURIComponent(s.slug)}`)),
      ...ids.map((id) => this.url(`/instructors/${id}`)),
    ];
  }
}
