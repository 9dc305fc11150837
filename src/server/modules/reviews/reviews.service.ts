import type { CreateReviewInput, LessonFeedback, StudentFeedbackInput } from '../../../contracts/reviews.js';
import { REVIEW_WINDOW_DAYS } from '../../../contracts/reviews.js';
import { recordAdminAction } from '../../platform/audit/admin-audit.repo.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { AppDeps } from '../../platform/deps.js';
import { conflict, forbidden, notFound, unprocessable } from '../../platform/http/errors.js';
import { offsetOf } from '../../platform/http/pagination.js';
import { isUuid } from '../../platform/ids.js';
import type { BookingRow } from '../bookings/bookings.repo.js';
import type { BookingsService } from '../bookings/bookings.service.js';
import type { RatingsService } from './ratings.service.js';
import { feedbackView, publicReviewView, reviewView } from './review-views.js';
import * as repo from './reviews.repo.js';

const DAY_MS = 86_400_000;
const windowEndOf = (b: BookingRow) => new Date(b.endsAt.getTime() + REVIEW_WINDOW_DAYS * DAY_MS);

/**
 * Reviews of completed lessons, double-blind (like Airbnb): the student's review and the
 * instructor's private feedback stay with their author until both are written or the 14-day window
 * closes; only then does the review count in ratings or show publicly. There is no way to review
 * without a completed lesson of one's own, and moderation hides with a recorded reason only.
 */
export class ReviewsService {
  constructor(
    private readonly deps: AppDeps,
    private readonly bookings: BookingsService,
    private readonly ratings: RatingsService,
  ) {}

  private now() {
    return this.deps.clock.now();
  }

  /** The lesson may take feedback now: completed, and within the window after its end. */
  private assertOpen(b: BookingRow, now: Date) {
    if (b.status !== 'completed')
      throw unprocessable(
        'LESSON_NOT_COMPLETED',
        b.status === 'confirmed'
          ? 'This lesson has not happened yet: review it once it is completed.'
          : 'Only a completed lesson can be reviewed.',
      );
    if (now > windowEndOf(b))
      throw unprocessable(
        'REVIEW_WINDOW_CLOSED',
        `Reviews can be written up to ${REVIEW_WINDOW_DAYS} days after the lesson.`,
      );
  }

  async review(auth: AuthContext, bookingId: string, input: CreateReviewInput) {
    const { b, side } = await this.bookings.lessonFor(auth, bookingId);
    if (side !== 'student')
      throw forbidden('NOT_THE_STUDENT', 'Only the student of the lesson can review it.');
    const now = this.now();
    this.assertOpen(b, now);
    await this.deps.db.transaction(async (tx) => {
      const feedback = await repo.feedbackOfBooking(tx, b.id);
      const row = await repo.insertReview(tx, {
        bookingId: b.id,
        reviewerId: auth.user.id,
        instructorId: b.instructorId,
        instructorServiceId: b.instructorServiceId,
        serviceId: b.serviceId,
        rating: input.rating,
        text: input.text ? input.text : null,
        tags: input.tags ?? [],
        createdAt: now,
        visibleAt: feedback ? now : windowEndOf(b),
      });
      if (!row) throw conflict('ALREADY_REVIEWED', 'You have already reviewed this lesson.');
      if (feedback) await repo.revealBoth(tx, b.id, now);
    });
    // Even a waiting review changes when the aggregate must next be reloaded (its window's end).
    await this.ratings.changed();
    return reviewView((await repo.reviewOfBooking(this.deps.db, b.id))!, now);
  }

  async studentFeedback(auth: AuthContext, bookingId: string, input: StudentFeedbackInput) {
    const { b, side } = await this.bookings.lessonFor(auth, bookingId);
    if (side !== 'instructor')
      throw forbidden(
        'NOT_THE_INSTRUCTOR',
        'Only the instructor of the lesson can give feedback on the student.',
      );
    const now = this.now();
    this.assertOpen(b, now);
    const row = await this.deps.db.transaction(async (tx) => {
      const review = await repo.reviewOfBooking(tx, b.id);
      const inserted = await repo.insertFeedback(tx, {
        bookingId: b.id,
        instructorId: b.instructorId,
        rating: input.rating,
        text: input.text ? input.text : null,
        createdAt: now,
        visibleAt: review ? now : windowEndOf(b),
      });
      if (!inserted) throw conflict('ALREADY_GIVEN', 'You have already given feedback on this lesson.');
      if (review) await repo.revealBoth(tx, b.id, now);
      return (await repo.feedbackOfBooking(tx, b.id))!;
    });
    await this.ratings.changed();
    return feedbackView(row, now);
  }

  /** Both sides of one lesson as the caller may see them: the other side's only once published. */
  async ofLesson(auth: AuthContext, bookingId: string): Promise<LessonFeedback> {
    const { b, side } = await this.bookings.lessonFor(auth, bookingId);
    const now = this.now();
    const [review, feedback] = await Promise.all([
      repo.reviewOfBooking(this.deps.db, b.id),
      repo.feedbackOfBooking(this.deps.db, b.id),
    ]);
    const open = b.status === 'completed' && now <= windowEndOf(b);
    const seesReview = review && (side !== 'instructor' || review.visibleAt <= now);
    const seesFeedback = feedback && (side !== 'student' || feedback.visibleAt <= now);
    return {
      review: seesReview ? reviewView(review, now) : null,
      studentFeedback: seesFeedback ? feedbackView(feedback, now) : null,
      canReview: side === 'student' && open && !review,
      canGiveStudentFeedback: side === 'instructor' && open && !feedback,
      windowClosesAt: windowEndOf(b).toISOString(),
    };
  }

  /** The instructor's one public reply, to a published review of theirs. */
  async reply(auth: AuthContext, reviewId: string, text: string) {
    const r = isUuid(reviewId) ? await repo.findReview(this.deps.db, reviewId) : undefined;
    const now = this.now();
    if (!r) throw notFound('Review');
    if (r.instructorId !== auth.user.id) {
      if (auth.permissions.has('moderate_content'))
        throw forbidden('NOT_THE_INSTRUCTOR', 'Only the reviewed instructor can reply.');
      throw notFound('Review');
    }
    // Before the double-blind lifts the instructor cannot tell the review exists.
    if (r.visibleAt > now) throw notFound('Review');
    if (r.hiddenAt) throw unprocessable('REVIEW_HIDDEN', 'This review was hidden by a moderator.');
    if (!(await repo.setReply(this.deps.db, r.id, text, now)))
      throw conflict('ALREADY_REPLIED', 'You have already replied to this review.');
    return reviewView((await repo.findReview(this.deps.db, r.id))!, now);
  }

  /** Moderation: hidden with a recorded reason, never deleted (and never for being negative). */
  async hide(auth: AuthContext, reviewId: string, reason: string) {
    const r = isUuid(reviewId) ? await repo.findReview(this.deps.db, reviewId) : undefined;
    if (!r) throw notFound('Review');
    if (r.hiddenAt) throw conflict('ALREADY_HIDDEN', 'This review is already hidden.');
    const now = this.now();
    const hidden = await this.deps.db.transaction(async (tx) => {
      if (!(await repo.hideReview(tx, r.id, reason, auth.user.id, now))) return false;
      await recordAdminAction(tx, {
        actorId: auth.user.id,
        action: 'review.hide',
        targetType: 'review',
        targetUserId: r.reviewerId,
        targetId: r.id,
        reason,
        details: { instructorId: r.instructorId },
      });
      return true;
    });
    if (!hidden) throw conflict('ALREADY_HIDDEN', 'This review is already hidden.');
    await this.ratings.changed();
    return reviewView((await repo.findReview(this.deps.db, r.id))!, now);
  }

  /** An active instructor's published reviews, newest first (public). */
  async ofInstructor(instructorId: string, page: number, perPage: number) {
    if (!isUuid(instructorId) || !(await repo.isInstructor(this.deps.db, instructorId)))
      throw notFound('Instructor');
    const { rows, total } = await repo.publishedReviewsOf(
      this.deps.db,
      instructorId,
      this.now(),
      perPage,
      offsetOf(page, perPage),
    );
    return { items: rows.map(publicReviewView), total, page, perPage };
  }
}
