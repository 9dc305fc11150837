import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { services } from '../../db/schema/index.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';
import { readCatalogFile } from './catalog-data.js';
import { loadCatalog } from './catalog.loader.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const service = async (slug: string) =>
  (await t.deps.db.select().from(services).where(eq(services.slug, slug)))[0];

describe('loading data/catalog.json', () => {
  it('renames by slug, retires a service the file no longer lists, and revives it when it returns', async () => {
    const { data } = readCatalogFile();
    const edited = {
      ...data,
      services: data.services
        .filter((s) => s.slug !== 'chess')
        .map((s) => ({
          ...s,
          name: s.slug === 'piano' ? 'Piano (classical)' : s.name,
          related: s.related.filter((r) => r !== 'chess'),
        })),
    };
    const path = join(mkdtempSync(join(tmpdir(), 'catalog-')), 'catalog.json');
    writeFileSync(path, JSON.stringify(edited));
    expect((await loadCatalog(t.deps.db, path)).loaded).toBe(true);
    expect(await service('piano')).toMatchObject({ name: 'Piano (classical)', active: true });
    expect(await service('chess')).toMatchObject({ active: false });
    expect((await loadCatalog(t.deps.db)).loaded).toBe(true);
    expect(await service('piano')).toMatchObject({ name: 'Piano', active: true });
    expect(await service('chess')).toMatchObject({ active: true });
  });
});
