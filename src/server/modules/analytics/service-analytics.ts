import type { Db } from '../../db/client.js';
import { demandScores, isTrending } from './service-demand.js';
import { replaceServiceAnalytics, serviceDemandAggregates } from './service-analytics.repo.js';

/** The service-analytics job's work: aggregate in SQL, score here, store the whole set. */
export async function recomputeServiceAnalytics(db: Db, now: Date): Promise<number> {
  const counts = await serviceDemandAggregates(db, now);
  const scores = demandScores(counts);
  await replaceServiceAnalytics(
    db,
    counts.map((c, i) => ({ ...c, demandScore: scores[i]!, trending: isTrending(c), computedAt: now })),
    now,
  );
  return counts.length;
}
