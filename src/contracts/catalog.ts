// What the catalog routes take and answer: categories, services and the homepage pills. Shared
// by the server and the web app, so nothing here may import server code.
import { z } from 'zod';
import { page, paginationQuery } from './pagination.js';
import { idText, queryInt, strictParams } from './primitives.js';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** A category's slug or id narrows the list. */
export const catalogServicesQuery = strictParams({ category: idText(100).optional(), ...paginationQuery });
export const catalogServiceParams = strictParams({ slugOrId: idText(100) });
export const topPerCategoryQuery = strictParams({ limit: queryInt({ min: 1, max: 20 }).default(7) });

// ── Answers ─────────────────────────────────────────────────────────────────────────────────

/** Lowest and highest hourly rate of the active offers; null while nobody teaches the service. */
const rateCents = z.int().min(0).nullable();

export const catalogCategory = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    subtitle: z.string(),
    description: z.string(),
    /** An icon name from the catalog data file; the web app falls back to a default for unknown names. */
    icon: z.string(),
    displayOrder: z.int(),
    /** Active services in the category. */
    serviceCount: z.int().min(0),
  })
  .describe('A catalog category.');
export type CatalogCategory = z.infer<typeof catalogCategory>;

export const catalogCategoryPage = page(catalogCategory).describe(
  'Every catalog category, in display order, as one page.',
);
export type CatalogCategoryPage = z.infer<typeof catalogCategoryPage>;

export const catalogService = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    categorySlug: z.string(),
    description: z.string(),
    searchTerms: z.array(z.string()),
    relatedSlugs: z.array(z.string()),
    onlineCapable: z.boolean(),
    requiresCertification: z.boolean(),
    /** Usual lesson lengths in minutes. */
    typicalDurations: z.array(z.int()),
    displayOrder: z.int(),
    /** Active instructors with an active offer of the service. */
    instructorCount: z.int().min(0),
    minRateCents: rateCents,
    maxRateCents: rateCents,
  })
  .describe('A catalog service with its live offer: how many instructors teach it, and at what rates.');
export type CatalogService = z.infer<typeof catalogService>;

export const catalogServicePage = page(catalogService).describe(
  'A page of catalog services, in category then display order.',
);
export type CatalogServicePage = z.infer<typeof catalogServicePage>;

export const catalogServiceSummary = catalogService
  .pick({
    id: true,
    slug: true,
    name: true,
    searchTerms: true,
    onlineCapable: true,
    typicalDurations: true,
    instructorCount: true,
    minRateCents: true,
    maxRateCents: true,
  })
  .describe('A service as the full catalog lists it.');
export type CatalogServiceSummary = z.infer<typeof catalogServiceSummary>;

const categoryHeading = {
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  subtitle: z.string(),
  icon: z.string(),
};

export const catalogTree = z
  .object({
    categories: z.array(
      z
        .object({ ...categoryHeading, services: z.array(catalogServiceSummary) })
        .describe('A category with every one of its active services.'),
    ),
  })
  .describe('The whole catalog: every category in display order, each with its services.');
export type CatalogTree = z.infer<typeof catalogTree>;

export const topService = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    /** At least 1: only services somebody teaches are listed. */
    instructorCount: z.int().min(1),
    minRateCents: z.int().min(0),
  })
  .describe('A homepage pill: a service somebody teaches, with its lowest hourly rate.');
export type TopService = z.infer<typeof topService>;

export const topPerCategory = z
  .object({
    categories: z.array(
      z
        .object({ ...categoryHeading, services: z.array(topService) })
        .describe('A category with its most booked services, up to the limit asked for.'),
    ),
  })
  .describe('Per category, in display order, the services most in demand.');
export type TopPerCategory = z.infer<typeof topPerCategory>;
