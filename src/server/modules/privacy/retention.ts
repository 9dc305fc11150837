import type { AppDeps } from '../../platform/deps.js';
import * as repo from './retention.repo.js';

const DAY = 86_400_000;

export interface RetentionCounts {
  searchEvents: number;
  deletedHistory: number;
  guestHistory: number;
  guestEventsUnlinked: number;
  guestInteractionsUnlinked: number;
  sessions: number;
  resetTokens: number;
  verificationTokens: number;
}

/**
 * One retention run (PRODUCT §7): what is past its period goes, the counts are logged and kept in
 * maintenance_log, and answered (the job's result). Periods come from config (RETENTION_*).
 */
export async function runRetention(deps: AppDeps): Promise<RetentionCounts> {
  const { db, config } = deps;
  const now = deps.clock.now();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const r = config.retention;
  const unlinked = await repo.unlinkGuestActivityBefore(db, ago(r.guestDataDays));
  const counts: RetentionCounts = {
    searchEvents: await repo.purgeSearchEventsBefore(db, ago(r.searchEventsDays)),
    deletedHistory: await repo.purgeDeletedHistoryBefore(db, ago(r.deletedHistoryDays)),
    guestHistory: await repo.purgeGuestHistoryBefore(db, ago(r.guestDataDays)),
    guestEventsUnlinked: unlinked.events,
    guestInteractionsUnlinked: unlinked.interactions,
    sessions: await repo.purgeExpiredSessions(db, now),
    resetTokens: await repo.purgeExpiredResetTokens(db, now),
    verificationTokens: await repo.purgeExpiredVerificationTokens(db, now),
  };
  await repo.logRetentionRun(db, config.dbTier, { at: now.toISOString(), periods: r, ...counts });
  deps.log.info({ ...counts }, 'retention run');
  return counts;
}
