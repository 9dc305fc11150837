// npm run build:server — compiles src/server and src/contracts to JavaScript in dist/ (the same
// depth below the checkout as the sources, so every `new URL('../../…', import.meta.url)` path to
// data/, var/build/ and dist/web resolves alike), then copies what the server reads beside its code:
// the SQL migrations. Production runs `node dist/server/main.js`: no tsx, no TypeScript.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const started = Date.now();
rmSync('dist/server', { recursive: true, force: true });
rmSync('dist/contracts', { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
cpSync('src/server/db/migrations', 'dist/server/db/migrations', { recursive: true });
console.log(`server compiled in ${((Date.now() - started) / 1000).toFixed(1)} s into dist/server`);
