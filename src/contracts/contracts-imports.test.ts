import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The contracts are read by the server and bundled into the web app: a server import here would
// drag server code (and secrets in config) into the browser, and break the web build.
const contractsDir = dirname(fileURLToPath(import.meta.url));
const webDir = resolve(contractsDir, '../web');

interface ImportRef {
  spec: string;
  /** `import type` / `export type`: erased from the output, so it loads nothing at run time. */
  typeOnly: boolean;
}

/** Every module a source file names: static imports and re-exports, side-effect and dynamic imports. */
function importsOf(source: string): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const m of source.matchAll(/\b(?:import|export)\s+(type\s+)?[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/g))
    refs.push({ spec: m[2]!, typeOnly: !!m[1] });
  for (const m of source.matchAll(/\bimport\s*\(?\s*['"]([^'"]+)['"]/g))
    refs.push({ spec: m[1]!, typeOnly: false });
  return refs;
}

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sourcesUnder(join(dir, d.name))
      : /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name)
        ? [join(dir, d.name)]
        : [],
  );

/** `./money.js` → the .ts file it compiles from. */
const fileOf = (from: string, spec: string) => resolve(dirname(from), spec).replace(/\.js$/, '.ts');

const contractFiles = sourcesUnder(contractsDir);
const isContract = (file: string) => contractFiles.includes(file);

/** A contract file is plain when neither it nor any contract it imports at run time loads zod. */
function isPlain(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return true;
  seen.add(file);
  return importsOf(readFileSync(file, 'utf8'))
    .filter((r) => !r.typeOnly)
    .every((r) => r.spec.startsWith('.') && isPlain(fileOf(file, r.spec), seen));
}

describe('contract import boundary', () => {
  it('finds multi-line, re-exported, side-effect and dynamic imports, and tells type-only ones apart', () => {
    const source = [
      "import {\n  a,\n  b,\n} from '../server/platform/db.js';",
      "import type { C } from './c.js';",
      "export { d } from './d.js';",
      "import 'side-effect';",
      "const e = await import('./e.js');",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { spec: '../server/platform/db.js', typeOnly: false },
      { spec: './c.js', typeOnly: true },
      { spec: './d.js', typeOnly: false },
      { spec: 'side-effect', typeOnly: false },
      { spec: './e.js', typeOnly: false },
    ]);
  });

  it('a src/contracts file imports only zod and other src/contracts files', () => {
    expect(contractFiles.length).toBeGreaterThan(10);
    const outside = contractFiles.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((r) => r.spec !== 'zod' && !(r.spec.startsWith('./') && isContract(fileOf(file, r.spec))))
        .map((r) => `${relative(contractsDir, file)} → ${r.spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('the web app takes run-time values only from contract files that do not load zod', () => {
    const webFiles = sourcesUnder(webDir);
    expect(webFiles.length).toBeGreaterThan(10);
    const heavy = webFiles.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((r) => !r.typeOnly && r.spec.startsWith('.') && isContract(fileOf(file, r.spec)))
        .filter((r) => !isPlain(fileOf(file, r.spec)))
        .map((r) => `${relative(webDir, file)} → ${r.spec}`),
    );
    expect(heavy).toEqual([]);
  });
});
