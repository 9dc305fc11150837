import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const named = { slug, name: z.string().min(2), aliases: z.array(z.string()).default([]) };

export const areasFileSchema = z.strictObject({
  regions: z.array(
    z.strictObject({
      slug,
      name: z.string(),
      timezone: z.string(),
      boroughs: z
        .array(z.strictObject({ ...named, neighborhoods: z.array(z.strictObject(named)).min(1) }))
        .min(1),
    }),
  ),
});

export type AreasFile = z.infer<typeof areasFileSchema>;

export const areasPath = fileURLToPath(new URL('../../../../data/areas.json', import.meta.url));

export function readAreasFile(path = areasPath): { data: AreasFile; hash: string } {
  const raw = readFileSync(path, 'utf8');
  return {
    data: areasFileSchema.parse(JSON.parse(raw)),
    hash: createHash('sha256').update(raw).digest('hex'),
  };
}
