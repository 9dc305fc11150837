// Writes src/contracts/areas.generated.ts from data/areas.json: the boroughs and neighbourhoods
// (slug and name) the server validates and the web app lists. Run after editing data/areas.json:
//   node --import tsx scripts/build-areas-vocabulary.ts
// (src/contracts/areas.generated.test.ts fails while the file is stale).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface AreasFile {
  regions: { boroughs: { slug: string; name: string; neighborhoods: { slug: string; name: string }[] }[] }[];
}

/** The boroughs of every region with their neighbourhoods, slug and name only, by slug. */
export function boroughsOf(json: string) {
  return (JSON.parse(json) as AreasFile).regions
    .flatMap((r) => r.boroughs)
    .map((b) => ({
      slug: b.slug,
      name: b.name,
      neighborhoods: b.neighborhoods.map(({ slug, name }) => ({ slug, name })),
    }))
    .sort((x, y) => x.slug.localeCompare(y.slug));
}

export function areasVocabularySource(json: string): string {
  const boroughs = boroughsOf(json);
  return `// Generated from data/areas.json by scripts/build-areas-vocabulary.ts: do not edit.
export interface AreaName {
  slug: string;
  name: string;
}
export interface BoroughArea extends AreaName {
  neighborhoods: readonly AreaName[];
}

export const BOROUGHS: readonly BoroughArea[] = ${JSON.stringify(boroughs, null, 2)};

export const BOROUGH_SLUGS = [${boroughs.map((b) => `'${b.slug}'`).join(', ')}] as const;
export type BoroughSlug = (typeof BOROUGH_SLUGS)[number];
`;
}

export const AREAS_JSON = fileURLToPath(new URL('../data/areas.json', import.meta.url));
export const GENERATED = fileURLToPath(new URL('../src/contracts/areas.generated.ts', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GENERATED, areasVocabularySource(readFileSync(AREAS_JSON, 'utf8')));
  console.log(`areas vocabulary → ${GENERATED}`);
}
