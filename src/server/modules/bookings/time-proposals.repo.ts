import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bookingTimeProposals } from '../../db/schema/index.js';
import type { ProposalStatus } from '../../../contracts/bookings.js';

export type ProposalRow = typeof bookingTimeProposals.$inferSelect;

const open = (bookingId: string) =>
  and(eq(bookingTimeProposals.bookingId, bookingId), eq(bookingTimeProposals.status, 'open'));

/** The latest proposal of a lesson, whatever its status. */
export async function latestProposal(db: Db, bookingId: string): Promise<ProposalRow | undefined> {
  const [row] = await db
    .select()
    .from(bookingTimeProposals)
    .where(eq(bookingTimeProposals.bookingId, bookingId))
    .orderBy(desc(bookingTimeProposals.createdAt), desc(bookingTimeProposals.id))
    .limit(1);
  return row;
}

export async function openProposal(db: Db, bookingId: string): Promise<ProposalRow | undefined> {
  const [row] = await db.select().from(bookingTimeProposals).where(open(bookingId));
  return row;
}

/** Closes the lesson's open proposal, if any, as `status` (a new one replaces it, a cancellation voids it). */
export async function closeOpenProposal(db: Db, bookingId: string, status: ProposalStatus, now: Date) {
  const [row] = await db
    .update(bookingTimeProposals)
    .set({ status, decidedAt: now })
    .where(open(bookingId))
    .returning();
  return row;
}

/** Closes this proposal as `status` only if it is still open; undefined when another request got there first. */
export async function decideProposal(db: Db, id: string, status: ProposalStatus, now: Date) {
  const [row] = await db
    .update(bookingTimeProposals)
    .set({ status, decidedAt: now })
    .where(and(eq(bookingTimeProposals.id, id), eq(bookingTimeProposals.status, 'open')))
    .returning();
  return row;
}

export async function insertProposal(
  db: Db,
  p: { bookingId: string; proposedBy: string; startsAt: Date; durationMinutes: number },
) {
  const [row] = await db.insert(bookingTimeProposals).values(p).returning();
  return row!;
}
