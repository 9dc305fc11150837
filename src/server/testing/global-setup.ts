import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../db/client.js';
import { prepareDatabase } from '../bootstrap.js';
import { TEMPLATE_DB, withDatabase } from './pg-urls.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Migrates one database per run and lets every test file clone it: a PostgreSQL template
 * database, or a dump of a migrated PGlite data dir (0.5 s to load instead of 3 s to create).
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = openPostgres(url, 2);
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    const template = openPostgres(withDatabase(url, TEMPLATE_DB), 2);
    await prepareDatabase(template);
    await template.close();
    await admin.close();
    project.provide('pgliteTemplate', '');
    return;
  }
  const db = await openPglite(undefined);
  await prepareDatabase(db);
  const dump = await db.pglite!.dumpDataDir('gzip');
  const dir = resolve('var/test');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, 'pglite-template.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplate', file);
}
