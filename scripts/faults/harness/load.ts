import { Tally, type Answer } from './http.js';
import { sleep } from './ports.js';

/** Named phases of a load run; each request is counted in the phase it started in. */
export class PhasedLoad {
  private phase = 'before';
  /** Where a request that straddles a phase change is counted. */
  constructor(private readonly faultPhase = 'outage') {}

  private stopped = false;
  readonly tallies: Record<string, Tally> = {};
  readonly slowest: Record<string, number> = {};
  private readonly lanes: Promise<void>[] = [];

  setPhase(name: string) {
    this.phase = name;
  }

  get current() {
    return this.phase;
  }

  /** Starts `width` lanes each running `step` in a loop until stop(). step returns what to count. */
  lane(
    width: number,
    step: (lane: number) => Promise<{ kind: string; answer: Answer }[] | void>,
    pauseMs = 5,
  ) {
    for (let i = 0; i < width; i++) {
      this.lanes.push(
        (async () => {
          while (!this.stopped) {
            const startedIn = this.phase;
            const counted = await step(i);
            // Phases only move forward, so a request that saw two of them overlapped the fault.
            const phase = startedIn === this.phase ? startedIn : this.faultPhase;
            for (const c of counted ?? []) this.record(phase, c.kind, c.answer);
            await sleep(pauseMs);
          }
        })(),
      );
    }
  }

  record(phase: string, kind: string, answer: Answer) {
    (this.tallies[phase] ??= new Tally()).add(kind, answer);
    this.slowest[phase] = Math.max(this.slowest[phase] ?? 0, Math.round(answer.ms));
  }

  /** Lets in-flight requests finish (their own timeouts bound this). */
  async stop() {
    this.stopped = true;
    await Promise.all(this.lanes);
  }

  totalRequests() {
    return Object.values(this.tallies).reduce((n, t) => n + t.total(), 0);
  }

  /** Failures keyed "phase kind outcome", minus what the caller says is expected. */
  failures(expected: (outcome: string) => boolean = () => false): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [phase, t] of Object.entries(this.tallies))
      for (const [k, n] of Object.entries(t.failures())) if (!expected(k)) out[`${phase} ${k}`] = n;
    return out;
  }
}

export const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
