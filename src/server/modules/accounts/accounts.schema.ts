import { z } from 'zod';
import { strictParams, text } from '../../../contracts/primitives.js';
import { passwordSchema } from '../../platform/auth/password.js';
import { isValidTimeZone } from '../../platform/time-zone.js';

export const emailSchema = text({ max: 254 })
  .pipe(z.email('Enter a valid email address.'))
  .transform((e) => e.toLowerCase());

export const timezoneSchema = text({ max: 64, trim: false }).refine(
  isValidTimeZone,
  'Use an IANA time zone such as America/New_York.',
);

const fullNameSchema = text({ min: 1, max: 120, minMessage: 'Enter your name.' });
const guestSessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Malformed guest session id.');

export const signupBody = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  fullName: fullNameSchema,
  role: z.enum(['student', 'instructor']).default('student'),
  timezone: timezoneSchema.optional(),
  guestSessionId: guestSessionIdSchema.optional(),
});

export const loginBody = z.strictObject({
  email: text({ max: 254 }).transform((e) => e.toLowerCase()),
  password: text({ max: 200, trim: false }),
  guestSessionId: guestSessionIdSchema.optional(),
  reactivate: z.boolean().optional(),
});

export const updateMeBody = z
  .strictObject({ fullName: fullNameSchema.optional(), timezone: timezoneSchema.optional() })
  .refine((b) => Object.keys(b).length > 0, 'Send at least one field to change.');

export const changePasswordBody = z.strictObject({
  currentPassword: text({ max: 200, trim: false }),
  newPassword: passwordSchema,
});

export const resetRequestBody = z.strictObject({ email: text({ max: 254 }) });
export const resetConfirmBody = z.strictObject({
  token: text({ min: 10, max: 200, trim: false }),
  password: passwordSchema,
});

export type SignupInput = z.infer<typeof signupBody>;
export type LoginInput = z.infer<typeof loginBody>;

/** The emailed reset token, as a path parameter. */
export const resetTokenParams = strictParams({ token: text({ max: 200, trim: false }) });
