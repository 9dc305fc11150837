import type { JobRunner, ModuleJobs } from './jobs.js';

/** Defines every module's jobs on the runner (every process may enqueue them). */
export function defineModuleJobs<D>(jobs: JobRunner, deps: D, modules: ModuleJobs<D>[]): void {
  for (const m of modules) for (const def of m.jobs(deps)) jobs.define(def);
}

/** Registers every module's schedules: only the processes that run background work do. */
export async function registerModuleSchedules<D>(jobs: JobRunner, modules: ModuleJobs<D>[]): Promise<void> {
  for (const m of modules) for (const s of m.schedules) await jobs.schedule(s);
}
