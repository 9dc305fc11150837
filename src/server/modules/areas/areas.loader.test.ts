import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boroughs, neighborhoods } from '../../db/schema/index.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';
import { readAreasFile } from './areas-data.js';
import { loadAreas } from './areas.loader.js';
import { AreasService } from './areas.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** data/areas.json with Manhattan renamed and one neighbourhood added to Brooklyn. */
function editedAreasFile(): string {
  const { data } = readAreasFile();
  for (const b of data.regions.flatMap((r) => r.boroughs)) {
    if (b.slug === 'manhattan') b.name = 'Manhattan Island';
    if (b.slug === 'brooklyn') b.neighborhoods.push({ slug: 'new-hood', name: 'New Hood', aliases: [] });
  }
  const path = join(mkdtempSync(join(tmpdir(), 'areas-')), 'areas.json');
  writeFileSync(path, JSON.stringify(data));
  return path;
}

describe('loading data/areas.json', () => {
  it('skips a file it has already loaded', async () => {
    expect((await loadAreas(t.deps.db)).loaded).toBe(false);
  });

  it('updates boroughs and adds neighbourhoods by slug when the file changes', async () => {
    expect((await loadAreas(t.deps.db, editedAreasFile())).loaded).toBe(true);
    const [manhattan] = await t.deps.db.select().from(boroughs).where(eq(boroughs.slug, 'manhattan'));
    expect(manhattan?.name).toBe('Manhattan Island');
    const [hood] = await t.deps.db.select().from(neighborhoods).where(eq(neighborhoods.slug, 'new-hood'));
    expect(hood).toMatchObject({ name: 'New Hood', boroughSlug: 'brooklyn' });
    // Loading the original again restores it: a changed hash is a changed file.
    expect((await loadAreas(t.deps.db)).loaded).toBe(true);
    const [back] = await t.deps.db.select().from(boroughs).where(eq(boroughs.slug, 'manhattan'));
    expect(back?.name).toBe('Manhattan');
  });
});

describe('resolving area slugs', () => {
  it('tells boroughs from neighbourhoods (with their borough) and returns the unknown ones', async () => {
    const areas = new AreasService(t.deps);
    const { data } = readAreasFile();
    const brooklyn = data.regions.flatMap((r) => r.boroughs).find((b) => b.slug === 'brooklyn')!;
    const hood = brooklyn.neighborhoods[0]!.slug;
    expect(await areas.resolve(['queens', hood, 'queens', 'atlantis'])).toEqual({
      areas: [
        { boroughSlug: 'queens', neighborhoodSlug: '' },
        { boroughSlug: 'brooklyn', neighborhoodSlug: hood },
      ],
      unknown: ['atlantis'],
    });
    expect(await areas.resolve([])).toEqual({ areas: [], unknown: [] });
  });
});
