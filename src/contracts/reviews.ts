// Reviews of completed lessons, the instructor's private feedback on the student, replies and
// moderation (issue 13): what the routes take and answer. Shared by the server and the web app.
import { z } from 'zod';
import { REVIEW_TAGS } from './review-tags.js';
import { page, paginationQuery } from './pagination.js';
import { idText, int, strictParams, text } from './primitives.js';

export const MAX_REVIEW_CHARS = 2000;
export const MAX_REPLY_CHARS = 2000;
/** A review or feedback may be written until this many days after the lesson ended. */
export const REVIEW_WINDOW_DAYS = 14;

export { REVIEW_TAGS };
export const reviewTag = z.enum(REVIEW_TAGS);
export type ReviewTag = z.infer<typeof reviewTag>;

const isoInstant = z.string().describe('ISO-8601 instant (UTC).');
const stars = int({ min: 1, max: 5, message: 'Give 1 to 5 stars.' });

// ---- requests -------------------------------------------------------------------------------

export const reviewIdParams = strictParams({ id: idText() });
export const instructorReviewsParams = strictParams({ id: idText() });
export const instructorReviewsQuery = strictParams(paginationQuery);

export const createReviewBody = z.strictObject({
  rating: stars,
  text: text({ max: MAX_REVIEW_CHARS, multiline: true }).optional(),
  tags: z
    .array(reviewTag)
    .max(REVIEW_TAGS.length)
    .refine((t) => new Set(t).size === t.length, 'Name each tag once.')
    .optional(),
});
export type CreateReviewInput = z.infer<typeof createReviewBody>;

export const studentFeedbackBody = z.strictObject({
  rating: stars,
  text: text({ max: MAX_REVIEW_CHARS, multiline: true }).optional(),
});
export type StudentFeedbackInput = z.infer<typeof studentFeedbackBody>;

export const reviewReplyBody = z.strictObject({
  text: text({ min: 1, max: MAX_REPLY_CHARS, multiline: true, minMessage: 'Write a reply.' }),
});

export const hideReviewBody = z.strictObject({
  reason: text({ min: 1, max: 500, multiline: true, minMessage: 'Give a reason.' }),
});

// ---- answers --------------------------------------------------------------------------------

export const publicReview = z
  .object({
    id: z.string(),
    rating: z.int().min(1).max(5),
    /** Null when the student wrote only stars. */
    text: z.string().nullable(),
    tags: z.array(reviewTag),
    /** First name and last initial; "Former student" once the account is gone. */
    reviewerName: z.string(),
    serviceName: z.string(),
    createdAt: isoInstant,
    reply: z.object({ text: z.string(), repliedAt: isoInstant }).nullable(),
  })
  .describe('A published review of a lesson.');
export type PublicReview = z.infer<typeof publicReview>;

export const instructorReviewPage = page(publicReview).describe(
  'An instructor’s published reviews, newest first.',
);
export type InstructorReviewPage = z.infer<typeof instructorReviewPage>;

export const review = publicReview
  .extend({
    bookingId: z.string(),
    instructorId: z.string(),
    /** False while the double-blind holds: only its author sees it. */
    published: z.boolean(),
    /** When it becomes visible at the latest (the window's end), ISO-8601. */
    visibleAt: isoInstant,
    hidden: z.object({ reason: z.string(), hiddenAt: isoInstant }).nullable(),
  })
  .describe('A review as its author, the instructor (once published) or a moderator sees it.');
export type Review = z.infer<typeof review>;

export const studentFeedback = z
  .object({
    bookingId: z.string(),
    rating: z.int().min(1).max(5),
    text: z.string().nullable(),
    createdAt: isoInstant,
    published: z.boolean(),
  })
  .describe('The instructor’s private feedback on the student (never public).');
export type StudentFeedback = z.infer<typeof studentFeedback>;

export const lessonFeedback = z
  .object({
    /** Null when none was written, or when it is the other side's and still blind. */
    review: review.nullable(),
    studentFeedback: studentFeedback.nullable(),
    /** What the caller may still write on this lesson. */
    canReview: z.boolean(),
    canGiveStudentFeedback: z.boolean(),
    /** The end of the 14-day window, ISO-8601. */
    windowClosesAt: isoInstant,
  })
  .describe('Both sides’ feedback on one lesson as the caller may see it.');
export type LessonFeedback = z.infer<typeof lessonFeedback>;
