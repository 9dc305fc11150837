import type { Database } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { seedRbac } from './platform/access/rbac.repo.js';
import { loadCatalog } from './modules/catalog/catalog.loader.js';
import { loadAreas } from './modules/areas/areas.loader.js';

/**
 * Everything a database needs before the app serves: schema, permissions-as-data, the curated
 * catalog and the service areas. Each step is idempotent, so every instance may run it at start.
 */
export async function prepareDatabase(database: Database): Promise<{ catalogLoaded: boolean }> {
  await runMigrations(database);
  await seedRbac(database.db);
  const catalog = await loadCatalog(database.db);
  await loadAreas(database.db);
  return { catalogLoaded: catalog.loaded };
}
