import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sleep } from './ports.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The checkout whose server is put under fault; FAULTS_APP_ROOT tries another (e.g. a clean HEAD). */
const APP_ROOT = process.env.FAULTS_APP_ROOT ?? REPO_ROOT;

/** Settings every instance gets: limits out of the way so only the faults decide the outcome. */
export const BASE_ENV: Record<string, string> = {
  HOST: '127.0.0.1',
  DB_TIER: 'test',
  SEED_DEMO: 'true',
  RATE_LIMIT_PER_MIN: '0',
  LOGIN_MAX_FAILURES_PER_IP: '100000',
  SIGNUP_PER_IP_PER_HOUR: '100000',
  BOOKINGS_PER_USER_PER_MIN: '100000',
  LOG_LEVEL: 'warn',
  // Fixed secrets: two instances must accept each other's sessions.
  SESSION_SECRET: 'faults-suite-session-secret-0123456789',
  IP_HASH_SALT: 'faults-suite-salt',
};

/** One API process (`node --import tsx src/server/main.ts`), its output kept in a log file. */
export class AppProcess {
  private proc?: ChildProcess;
  private log?: WriteStream;
  starts = 0;
  /** Settles when the process of the latest start exits, with its code (null: killed by a signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = Promise.resolve({
    code: null,
    signal: null,
  });

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly logPath: string,
  ) {}

  get base() {
    return `http://127.0.0.1:${this.port}`;
  }

  get running() {
    return !!this.proc && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async start(readyTimeoutMs = 60_000): Promise<number> {
    const started = Date.now();
    this.log ??= createWriteStream(this.logPath, { flags: 'a' });
    this.log.write(`--- ${this.name} start ${new Date().toISOString()}\n`);
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: APP_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...BASE_ENV,
        ...this.env,
        PORT: String(this.port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc = proc;
    this.exited = new Promise((r) => proc.once('exit', (code, signal) => r({ code, signal })));
    this.starts++;
    proc.stdout!.pipe(this.log, { end: false });
    proc.stderr!.pipe(this.log, { end: false });
    while (Date.now() - started < readyTimeoutMs) {
      if (!this.running) throw new Error(`${this.name} exited during start (see ${this.logPath})`);
      try {
        const res = await fetch(`${this.base}/ready`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) return Date.now() - started;
      } catch {
        // Not listening yet.
      }
      await sleep(100);
    }
    throw new Error(`${this.name} not ready after ${readyTimeoutMs} ms (see ${this.logPath})`);
  }

  /** SIGKILL is the fault; SIGTERM the clean stop the app handles itself. */
  async signal(sig: 'SIGKILL' | 'SIGTERM', waitMs = 15_000): Promise<void> {
    const proc = this.proc;
    if (!proc || !this.running) return;
    const gone = new Promise((r) => proc.once('exit', r));
    proc.kill(sig);
    const timedOut = await Promise.race([gone.then(() => false), sleep(waitMs).then(() => true)]);
    if (timedOut) {
      proc.kill('SIGKILL');
      await gone;
    }
  }

  /** Sends a signal without waiting; `exited` tells how the process ended. */
  kill(sig: NodeJS.Signals): void {
    if (this.running) this.proc!.kill(sig);
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  close() {
    this.log?.end();
    this.log = undefined;
  }
}
