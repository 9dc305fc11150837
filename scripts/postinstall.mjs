// postinstall — plain JavaScript, so it runs in every install. Where the dev dependencies are
// installed (a checkout: `npm install`), it builds what `npm start` needs: the word-vector file and
// the web app. In a production install (`npm ci --omit=dev`) tsx and vite are absent: it says so
// and does nothing; there the artefacts come from `npm run build`, run where dev dependencies are.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const present = (name) => {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
};

if (!present('tsx') || !present('vite')) {
  console.log(
    'postinstall: dev dependencies absent (production install) — skipping the word-vector and web builds; ' +
      'run `npm run build` where they are installed, then start with `npm run start:prod`.',
  );
  process.exit(0);
}
for (const script of ['scripts/build-word-vectors.ts', 'scripts/build-web.ts']) {
  execFileSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
}
