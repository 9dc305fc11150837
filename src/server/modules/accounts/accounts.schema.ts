import { z } from 'zod';
import { passwordSchema } from '../../platform/auth/password.js';
import { isValidTimeZone } from '../../platform/time-zone.js';

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('Enter a valid email address.'))
  .transform((e) => e.toLowerCase());

export const timezoneSchema = z
  .string()
  .max(64)
  .refine(isValidTimeZone, 'Use an IANA time zone such as America/New_York.');

const fullNameSchema = z.string().trim().min(1, 'Enter your name.').max(120);
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
  email: z
    .string()
    .trim()
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: z.string().max(200),
  guestSessionId: guestSessionIdSchema.optional(),
  reactivate: z.boolean().optional(),
});

export const updateMeBody = z
  .strictObject({ fullName: fullNameSchema.optional(), timezone: timezoneSchema.optional() })
  .refine((b) => Object.keys(b).length > 0, 'Send at least one field to change.');

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().max(200),
  newPassword: passwordSchema,
});

export const resetRequestBody = z.strictObject({ email: z.string().trim().max(254) });
export const resetConfirmBody = z.strictObject({
  token: z.string().min(10).max(200),
  password: passwordSchema,
});

export type SignupInput = z.infer<typeof signupBody>;
export type LoginInput = z.infer<typeof loginBody>;
