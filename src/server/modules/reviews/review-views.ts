import type { PublicReview, Review, ReviewTag, StudentFeedback } from '../../../contracts/reviews.js';
import { publicName } from '../instructors/instructor-views.js';
import type { FeedbackRow, ReviewWithNames } from './reviews.repo.js';

/** The reviewer's name is resolved at read time, so a deleted account reads as anonymous. */
export const ANONYMOUS_REVIEWER = 'Former student';

// The tags column only ever receives values the review body validated against REVIEW_TAGS.
export const publicReviewView = (r: ReviewWithNames): PublicReview => ({
  id: r.id,
  rating: r.rating,
  text: r.text,
  tags: r.tags as ReviewTag[],
  reviewerName: r.reviewerFullName ? publicName(r.reviewerFullName) : ANONYMOUS_REVIEWER,
  serviceName: r.serviceName,
  createdAt: r.createdAt.toISOString(),
  reply: r.replyText && r.repliedAt ? { text: r.replyText, repliedAt: r.repliedAt.toISOString() } : null,
});

export const reviewView = (r: ReviewWithNames, now: Date): Review => ({
  ...publicReviewView(r),
  bookingId: r.bookingId,
  instructorId: r.instructorId,
  published: r.visibleAt <= now && !r.hiddenAt,
  visibleAt: r.visibleAt.toISOString(),
  hidden: r.hiddenAt ? { reason: r.hiddenReason ?? '', hiddenAt: r.hiddenAt.toISOString() } : null,
});

export const feedbackView = (f: FeedbackRow, now: Date): StudentFeedback => ({
  bookingId: f.bookingId,
  rating: f.rating,
  text: f.text,
  createdAt: f.createdAt.toISOString(),
  published: f.visibleAt <= now,
});
