import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LESSON_DURATIONS } from '../../../contracts/lesson-vocabulary.js';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case slug');

const categorySchema = z.strictObject({
  slug,
  name: z.string().min(2),
  subtitle: z.string().min(2),
  description: z.string().min(10),
  icon: z.string().min(2),
  displayOrder: z.number().int().positive(),
});

const serviceSchema = z.strictObject({
  slug,
  name: z.string().min(2),
  category: slug,
  description: z.string().min(10),
  searchTerms: z.array(z.string().min(2)).min(3),
  related: z.array(slug),
  onlineCapable: z.boolean(),
  requiresCertification: z.boolean(),
  typicalDurations: z
    .array(
      z.number().refine((d) => (LESSON_DURATIONS as readonly number[]).includes(d), 'unsupported duration'),
    )
    .min(1),
  displayOrder: z.number().int().positive(),
});

export type CatalogCategoryData = z.infer<typeof categorySchema>;
export type CatalogServiceData = z.infer<typeof serviceSchema>;

/** The reviewed catalog file, checked for the rules a reviewer would otherwise have to remember. */
export const catalogFileSchema = z
  .strictObject({ categories: z.array(categorySchema).length(7), services: z.array(serviceSchema).min(250) })
  .superRefine((data, ctx) => {
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    const catSlugs = new Set(data.categories.map((c) => c.slug));
    const slugs = new Set<string>();
    const names = new Set<string>();
    for (const s of data.services) {
      if (slugs.has(s.slug)) problem(`duplicate service slug ${s.slug}`);
      if (names.has(s.name.toLowerCase())) problem(`duplicate service name ${s.name}`);
      slugs.add(s.slug);
      names.add(s.name.toLowerCase());
      if (!catSlugs.has(s.category)) problem(`${s.slug}: unknown category ${s.category}`);
    }
    for (const s of data.services) {
      for (const r of s.related) if (!slugs.has(r)) problem(`${s.slug}: related ${r} does not exist`);
    }
    for (const c of data.categories) {
      if (!data.services.some((s) => s.category === c.slug)) problem(`category ${c.slug} has no services`);
    }
  });

export type CatalogFile = z.infer<typeof catalogFileSchema>;

export const catalogPath = fileURLToPath(new URL('../../../../data/catalog.json', import.meta.url));

export function readCatalogFile(path = catalogPath): { data: CatalogFile; hash: string } {
  const raw = readFileSync(path, 'utf8');
  return {
    data: catalogFileSchema.parse(JSON.parse(raw)),
    hash: createHash('sha256').update(raw).digest('hex'),
  };
}
