/** Job definitions are the same whether BullMQ or the in-process runner executes them. */
export interface JobContext {
  attempt: number;
}

export interface JobDefinition<T = unknown> {
  name: string;
  /** May answer a small summary of the run: BullMQ keeps it as the job's return value. */
  handler: (data: T, ctx: JobContext) => Promise<unknown>;
  /** Total tries including the first; default 3. */
  attempts?: number;
  /** First retry delay; doubles each time. Default 1000 ms. */
  backoffMs?: number;
}

export interface ScheduleDefinition {
  /** Stable id: re-registering replaces, never duplicates. */
  id: string;
  job: string;
  every?: number;
  pattern?: string;
  data?: unknown;
}

/**
 * What a module brings to the job runner: its jobs (built over the app's dependencies) and the
 * schedules that trigger them. The composition root registers every module's; the platform knows
 * none of them by name.
 */
export interface ModuleJobs<D> {
  jobs(deps: D): JobDefinition<never>[];
  schedules: ScheduleDefinition[];
}

export interface EnqueueOptions {
  delayMs?: number;
  /** Deduplicates: a second enqueue with the same id while the first exists is ignored. */
  jobId?: string;
}

export interface QueueStats {
  kind: 'bullmq' | 'inline';
  counts: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  retried: number;
  schedules: { id: string; job: string; every?: number; pattern?: string; next?: string | null }[];
  recentFailures: { id: string; job: string; error: string; at: string; attempts: number }[];
}

export interface JobRunner {
  readonly kind: 'bullmq' | 'inline';
  define<T>(def: JobDefinition<T>): void;
  enqueue(name: string, data: unknown, opts?: EnqueueOptions): Promise<void>;
  schedule(def: ScheduleDefinition): Promise<void>;
  /** Starts consuming jobs and firing schedules (ROLE=all|worker). */
  start(): Promise<void>;
  stats(): Promise<QueueStats>;
  /** Runs a failed job again from its first attempt; false when no failed job has this id. */
  retryFailed(id: string): Promise<boolean>;
  /** Forgets a failed job; false when no failed job has this id. */
  discardFailed(id: string): Promise<boolean>;
  /** Stops taking jobs; the ones running get up to `graceMs` to finish (default 10 s). */
  close(graceMs?: number): Promise<void>;
}

export const backoffDelay = (base: number, attempt: number) => base * 2 ** (attempt - 1);
