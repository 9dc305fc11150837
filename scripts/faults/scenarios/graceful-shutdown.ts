import { mkdtempSync } from 'node:fs';
import { Agent, request, type ClientRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { openSse } from '../../../src/server/platform/events/sse-client.test-helper.js';
import type { AppProcess } from '../harness/app-process.js';
import { call } from '../harness/http.js';
import { DEMO_PASSWORD } from '../harness/marketplace.js';
import { sleep } from '../harness/ports.js';
import { check, type Check, type ScenarioResult, type Stage } from '../harness/scenario.js';

const GRACE_MS = 8000;

/**
 * A login whose body arrives in two halves: after the first the request is in flight (headers
 * parsed, handler waiting for the body); `finish()` sends the rest and resolves with the answer.
 */
function slowLogin(base: string, email: string) {
  const body = JSON.stringify({ email, password: DEMO_PASSWORD });
  const half = Math.floor(body.length / 2);
  // Kept alive, as browsers and load balancers keep them: the server must still let it go.
  const agent = new Agent({ keepAlive: true });
  const req: ClientRequest = request(`${base}/api/v1/auth/login`, {
    method: 'POST',
    agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res: IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  // A request given up on (abandon) rejects with a hang-up nobody waits for.
  answer.catch(() => {});
  req.write(body.slice(0, half));
  return {
    answer,
    finish: () => {
      req.end(body.slice(half));
      return answer.finally(() => agent.destroy());
    },
    abandon: () => {
      req.destroy();
      agent.destroy();
    },
  };
}

/** A brand-new TCP connection: ECONNREFUSED once the listener is closed. */
function freshConnection(base: string): Promise<string> {
  return new Promise((resolve) => {
    const req = request(`${base}/health`, { agent: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(`HTTP ${res.statusCode}`);
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });
}

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p.then((v) => ({ ok: true as const, v })), sleep(ms).then(() => ({ ok: false as const }))]);

async function signup(base: string, tag: string) {
  const email = `shutdown-${tag}-${Date.now().toString(36)}@example.test`;
  const a = await call<{ token: string }>(base, 'POST', '/api/v1/auth/signup', {
    body: { email, password: DEMO_PASSWORD, fullName: 'Shutdown Tester' },
    timeoutMs: 30_000,
  });
  if (a.status !== 201 && a.status !== 200) throw new Error(`signup: ${a.status} ${JSON.stringify(a.body)}`);
  return { email, token: a.body.token };
}

/**
 * (e) SIGTERM on the embedded database (PGlite, a fresh DATA_DIR): a request in flight completes,
 * an open event stream is ended by the server, a new connection is refused, the process exits 0
 * within SHUTDOWN_GRACE_MS. Then the bounds: a request that never completes makes it exit 1 once
 * the grace has passed, and a second signal makes it exit 1 at once.
 */
export async function gracefulShutdown(stage: Stage): Promise<Omit<ScenarioResult, 'ms'>> {
  const checks: Check[] = [];
  const figures: Record<string, unknown> = {};
  const dataDir = mkdtempSync(join(stage.tmpDir, 'shutdown-'));
  const env = { DATA_DIR: dataDir, SEED_DEMO: 'false', SMTP_URL: '' };
  const start = async (name: string, graceMs: number): Promise<AppProcess> => {
    const app = await stage.app(name, { ...env, SHUTDOWN_GRACE_MS: String(graceMs) });
    figures[`${name}StartMs`] = await app.start(240_000);
    return app;
  };

  // 1. The clean drain.
  const app = await start('e1', GRACE_MS);
  const user = await signup(app.base, 'e1');
  const stream = await openSse(app.base, user.token);
  const inFlight = slowLogin(app.base, user.email);
  await sleep(300); // the server has the headers: the request is running
  const t0 = Date.now();
  app.kill('SIGTERM');
  const streamEnd = await within(stream.ended, 3000);
  checks.push(check('the open event stream is ended by the server', streamEnd.ok, `ended=${streamEnd.ok}`));
  figures.streamEndedMs = Date.now() - t0;
  await sleep(300);
  const fresh = await freshConnection(app.base);
  checks.push(check('a new connection is refused while draining', fresh === 'ECONNREFUSED', fresh));
  await sleep(1000); // still in flight a good second after the signal
  const answer = await within(inFlight.finish(), 5000);
  const status = answer.ok ? answer.v.status : 0;
  checks.push(
    check(
      'the request in flight at SIGTERM completes',
      status === 200 && answer.ok && answer.v.body.includes('"token"'),
      `status ${status}`,
    ),
  );
  const exit = await within(app.exited, GRACE_MS + 2000);
  const exitMs = (figures.exitMs = Date.now() - t0);
  const code = exit.ok ? exit.v.code : 'still running';
  checks.push(
    check(
      `exits 0 within SHUTDOWN_GRACE_MS (${GRACE_MS} ms)`,
      code === 0 && exitMs < GRACE_MS,
      `code ${code} after ${exitMs} ms`,
    ),
  );
  stream.close();

  // 2. The bound: a request that never finishes its body; the process gives up after the grace.
  const bounded = await start('e2', 1500);
  const stuck = slowLogin(bounded.base, user.email);
  await sleep(300);
  const t1 = Date.now();
  bounded.kill('SIGTERM');
  const boundExit = await within(bounded.exited, 6000);
  const boundExitMs = (figures.boundExitMs = Date.now() - t1);
  stuck.abandon();
  const boundCode = boundExit.ok ? boundExit.v.code : 'still running';
  checks.push(
    check(
      'past SHUTDOWN_GRACE_MS (1500 ms) with a request still open it exits 1',
      boundCode === 1 && boundExitMs >= 1400,
      `code ${boundCode} after ${boundExitMs} ms`,
    ),
  );

  // 3. A second signal cuts the drain short.
  const twice = await start('e3', GRACE_MS);
  const held = slowLogin(twice.base, user.email);
  await sleep(300);
  const t2 = Date.now();
  twice.kill('SIGTERM');
  await sleep(500);
  twice.kill('SIGTERM');
  const twiceExit = await within(twice.exited, 3000);
  const secondMs = (figures.secondSignalExitMs = Date.now() - t2);
  held.abandon();
  const twiceCode = twiceExit.ok ? twiceExit.v.code : 'still running';
  checks.push(
    check(
      'a second signal exits 1 without waiting',
      twiceCode === 1 && secondMs < 2500,
      `code ${twiceCode} after ${secondMs} ms`,
    ),
  );

  return { name: 'graceful-shutdown', passed: checks.every((c) => c.ok), figures, checks };
}
