// Writes the OpenAPI document the server publishes at /api/docs/json to a file, without a running
// server or a database with data: `node --import tsx scripts/openapi-document.ts var/openapi.json`.
// `npm run lint:openapi` lints what this writes (Redocly, recommended rules).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { createDeps } from '../src/server/platform/deps.js';

const out = resolve(process.argv[2] ?? 'var/openapi.json');
const dataDir = mkdtempSync(join(tmpdir(), 'ii-openapi-'));
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DB_TIER: 'test' };
delete env.DATABASE_URL; // the document does not depend on the database: an empty embedded one will do
delete env.REDIS_URL;
const deps = await createDeps(loadConfig(env));
try {
  const app = await buildApp(deps);
  await app.ready();
  const doc = app.swagger();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(doc, null, 2) + '\n');
  const operations = Object.values(doc.paths ?? {}).flatMap((item) => Object.keys(item ?? {}));
  console.log(`openapi: ${operations.length} operations → ${out}`);
  await app.close();
} finally {
  await deps.close();
  rmSync(dataDir, { recursive: true, force: true });
}
