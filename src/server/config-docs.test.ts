import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The keys of config.ts's envSchema: every variable the server's configuration reads. */
function configVariables(): string[] {
  const src = read('src/server/config.ts');
  const body = src.slice(
    src.indexOf('const envSchema = z.object({'),
    src.indexOf('\n});', src.indexOf('const envSchema')),
  );
  return [...body.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!);
}

/** Variables set in .env.example (`NAME=value` lines). */
const exampleVariables = () => [...read('.env.example').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);

/** Variables named in the first column of the README's configuration table. */
function readmeTableVariables(): string[] {
  const readme = read('README.md');
  const rows = readme.split('\n').filter((l) => /^\| `[A-Z]/.test(l));
  return rows.flatMap((r) => [...r.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!));
}

/** Read outside config.ts, documented in both places too. */
const OUTSIDE_CONFIG = ['WORD_VECTORS_PATH'];

describe('the documented configuration matches what the server reads', () => {
  const vars = configVariables();

  it('finds the variables of config.ts (the parser itself works)', () => {
    expect(vars).toContain('DATABASE_URL');
    expect(vars).toContain('SHUTDOWN_GRACE_MS');
    expect(vars.length).toBeGreaterThan(25);
  });

  it('.env.example sets every variable config.ts reads, and nothing it does not', () => {
    const example = exampleVariables();
    expect(vars.filter((v) => !example.includes(v))).toEqual([]);
    expect(example.filter((v) => !vars.includes(v) && !OUTSIDE_CONFIG.includes(v))).toEqual([]);
    expect(new Set(example).size).toBe(example.length);
  });

  it("the README's configuration table lists every variable config.ts reads, and nothing it does not", () => {
    const table = readmeTableVariables();
    expect(vars.filter((v) => !table.includes(v))).toEqual([]);
    expect(table.filter((v) => !vars.includes(v) && !OUTSIDE_CONFIG.includes(v))).toEqual([]);
  });

  it('both document the variables read outside config.ts', () => {
    for (const v of OUTSIDE_CONFIG) {
      expect(exampleVariables()).toContain(v);
      expect(readmeTableVariables()).toContain(v);
    }
  });
});
