// What the PostgreSQL benches share: a throw-away database on the local server, app processes on
// it, JSON calls, and their own section of docs/PERFORMANCE.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import pg from 'pg';

export const PG_SERVER = process.env.BENCH_PG_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const dbUrl = (name: string) => {
  const u = new URL(PG_SERVER);
  u.pathname = `/${name}`;
  return u.toString();
};

/** One statement on the server's maintenance database (CREATE / DROP DATABASE). */
export async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: dbUrl('postgres') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export interface Instance {
  name: string;
  base: string;
  proc: ChildProcess;
}

/** An app process on `database` with the demo data, limits off; `env` adds or overrides settings. */
export async function startInstance(
  name: string,
  port: number,
  database: string,
  env: Record<string, string> = {},
): Promise<Instance> {
  const dataDir = `var/bench-${name}`;
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: dbUrl(database),
      REDIS_URL: '',
      DATA_DIR: dataDir,
      DB_TIER: 'test',
      SEED_DEMO: 'true',
      RATE_LIMIT_PER_MIN: '0',
      LOGIN_MAX_FAILURES_PER_IP: '100000',
      SIGNUP_PER_IP_PER_HOUR: '100000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1800; i++) {
    if (proc.exitCode !== null) throw new Error(`${name} exited during start`);
    try {
      if ((await fetch(`${base}/ready`)).ok) return { name, base, proc };
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  proc.kill();
  throw new Error(`${name} did not become ready`);
}

export async function stopInstance(i: Instance): Promise<void> {
  if (i.proc.exitCode !== null) return;
  const gone = new Promise((r) => i.proc.once('exit', r));
  i.proc.kill('SIGTERM');
  if ((await Promise.race([gone.then(() => 'gone'), sleep(15_000)])) !== 'gone') i.proc.kill('SIGKILL');
}

export async function call<T>(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Replaces the `title` section of docs/PERFORMANCE.md (or appends it), leaving the rest as it is. */
export function writeSection(title: string, section: string): void {
  const path = 'docs/PERFORMANCE.md';
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Performance\n';
  const start = doc.indexOf(`${title}\n`);
  let next: string;
  if (start < 0) next = `${doc.trimEnd()}\n\n${section}`;
  else {
    // The section ends at the next heading, or at the closing note bench/run.ts writes after it.
    const ends = ['\n## ', '\nScenarios are defined in']
      .map((m) => doc.indexOf(m, start + title.length))
      .filter((i) => i >= 0);
    const after = ends.length ? Math.min(...ends) : -1;
    next = doc.slice(0, start) + section + (after < 0 ? '' : `\n${doc.slice(after + 1)}`);
  }
  writeFileSync(path, next);
}
