// npm run build:web — builds the React app into dist/web with Vite and writes .br/.gz copies
// beside each file so the server sends them without compressing per request. Skipped when
// nothing it is built from (src/web, src/contracts) changed since the last build (a hash of
// those files is kept).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { webBundleFigures } from '../bench/web-bundle.js';

const root = process.cwd();
const outDir = join(root, 'dist/web');
const stampFile = join(outDir, '.build-hash');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)],
  );
}

function sourceHash(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...filesUnder(join(root, 'src/web')),
    // The bundle holds the contracts' plain values (vocabularies, money rules): a change rebuilds.
    ...filesUnder(join(root, 'src/contracts')),
    join(root, 'vite.config.ts'),
    join(root, 'package-lock.json'),
  ]
    .filter((f) => existsSync(f) && !f.endsWith('.test.ts') && !f.endsWith('.test.tsx'))
    .sort();
  for (const f of inputs) hash.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}

const hash = sourceHash();
if (!process.argv.includes('--force') && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) {
  console.log('web app up to date: dist/web');
  process.exit(0);
}

const started = Date.now();
const { build } = await import('vite');
await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });

for (const file of filesUnder(outDir)) {
  if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
  const body = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}
writeFileSync(stampFile, hash);
const size = webBundleFigures(outDir);
console.log(
  `web app built in ${((Date.now() - started) / 1000).toFixed(1)} s into dist/web: ` +
    `first load ${size?.initialJsGzipKb} KB of JS gzipped (budget 250 KB)`,
);
