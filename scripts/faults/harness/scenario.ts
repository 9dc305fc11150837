import { join } from 'node:path';
import { AppProcess } from './app-process.js';
import { createDatabase, dropDatabase, openPool } from './postgres.js';
import { TestRedisServer } from '../../../src/server/platform/redis/test-redis-server.js';
import { freePort } from './ports.js';
import type { SmtpSink } from './smtp.js';
import type pg from 'pg';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ScenarioResult {
  name: string;
  passed: boolean;
  ms: number;
  figures: Record<string, unknown>;
  checks: Check[];
  error?: string;
}

/**
 * What a scenario may start; everything it starts is registered here, so the runner can stop it
 * even when the scenario throws or the run is interrupted.
 */
export class Stage {
  private readonly apps: AppProcess[] = [];
  private readonly redises: TestRedisServer[] = [];
  private readonly databases: string[] = [];
  private readonly pools: pg.Pool[] = [];

  constructor(
    readonly runId: string,
    readonly tmpDir: string,
    readonly templateDb: string,
    readonly smtp: SmtpSink,
  ) {}

  async database(tag: string): Promise<{ name: string; url: string; pool: pg.Pool }> {
    const name = `faults_${this.runId}_${tag}`;
    this.databases.push(name);
    const url = await createDatabase(name, this.templateDb);
    const pool = openPool(name);
    this.pools.push(pool);
    return { name, url, pool };
  }

  async redis(): Promise<TestRedisServer> {
    const r = await TestRedisServer.start();
    this.redises.push(r);
    return r;
  }

  async app(name: string, env: Record<string, string>): Promise<AppProcess> {
    const a = new AppProcess(
      name,
      await freePort(),
      {
        DATA_DIR: this.tmpDir,
        SMTP_URL: this.smtp.url,
        ...env,
      },
      join(this.tmpDir, `${name}.log`),
    );
    this.apps.push(a);
    return a;
  }

  /** Apps first (they hold connections), then pools, Redis, databases. Never throws. */
  async teardown(): Promise<void> {
    const quiet = async (p: Promise<unknown>) =>
      p.catch((e: Error) => console.error(`teardown: ${e.message}`));
    await Promise.all(this.apps.map((a) => quiet(a.signal('SIGKILL')).then(() => a.close())));
    await Promise.all(this.pools.map((p) => quiet(p.end())));
    await Promise.all(this.redises.map((r) => quiet(r.kill())));
    for (const d of this.databases) await quiet(dropDatabase(d));
    this.apps.length = this.pools.length = this.redises.length = this.databases.length = 0;
  }
}

export const check = (name: string, ok: boolean, detail: string): Check => ({ name, ok, detail });
