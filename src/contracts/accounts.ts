// What the auth routes take and answer: sign-up, sign-in, the signed-in user, sessions and
// password resets.
import { z } from 'zod';
import { PERMISSION_NAMES } from './permissions.js';
import { strictParams, text } from './primitives.js';
import { isValidTimeZone } from './time-zone.js';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

export const emailSchema = text({ max: 254 })
  .pipe(z.email('Enter a valid email address.'))
  .transform((e) => e.toLowerCase());

export const timezoneSchema = text({ max: 64, trim: false }).refine(
  isValidTimeZone,
  'Use an IANA time zone such as America/New_York.',
);

// Taken as typed (no trim); control characters are refused like in every other string.
export const passwordSchema = text({
  min: 8,
  max: 200,
  trim: false,
  minMessage: 'Password must be at least 8 characters.',
  maxMessage: 'Password must be at most 200 characters.',
})
  .refine((p) => /\d/.test(p), 'Password must contain a digit.')
  .refine((p) => /[A-Z]/.test(p), 'Password must contain an upper-case letter.');

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

export const verifyEmailBody = z.strictObject({ token: text({ min: 10, max: 200, trim: false }) });

/** The emailed reset token, as a path parameter. */
export const resetTokenParams = strictParams({ token: text({ max: 200, trim: false }) });

// ── Answers ─────────────────────────────────────────────────────────────────────────────────

export const accountStatus = z.enum(['active', 'suspended', 'deactivated']);
export type AccountStatus = z.infer<typeof accountStatus>;

export const roleName = z.enum(['student', 'instructor', 'admin']);
export type RoleName = z.infer<typeof roleName>;

export const permissionName = z.enum(PERMISSION_NAMES);

export const me = z
  .object({
    id: z.string(),
    email: z.string(),
    fullName: z.string(),
    /** IANA zone the user's times are shown in. */
    timezone: z.string(),
    accountStatus,
    /** The owner opened the emailed verification link; an unverified instructor is not in search. */
    emailVerified: z.boolean(),
    roles: z.array(roleName),
    /**
     * Every permission the user holds: role grants plus per-user grants, minus per-user revokes.
     * Clients show or hide what the user may do by these, never by role.
     */
    permissions: z.array(permissionName),
  })
  .describe('The signed-in user, with the roles and permissions that decide what they may do.');
export type Me = z.infer<typeof me>;

export const meResponse = z.object({ user: me }).describe('The signed-in user.');
export type MeResponse = z.infer<typeof meResponse>;

export const sessionResponse = z
  .object({ user: me.nullable() })
  .describe('The signed-in user, or null for a guest.');
export type SessionResponse = z.infer<typeof sessionResponse>;

export const signedIn = z
  .object({
    user: me,
    /** The session token, for `Authorization: Bearer`; the web app uses the cookie set alongside. */
    token: z.string(),
  })
  .describe('A new session: the user and the session token.');
export type SignedIn = z.infer<typeof signedIn>;

export const resetRequested = z
  .object({ message: z.string() })
  .describe('Accepted; the same answer whether or not the email has an account.');
export type ResetRequested = z.infer<typeof resetRequested>;

export const resetTokenInfo = z
  .object({
    /** Masked ("j***@example.com"): enough for the owner to recognise. */
    email: z.string(),
  })
  .describe('The reset link is valid; whose account it is for, masked.');
export type ResetTokenInfo = z.infer<typeof resetTokenInfo>;

// ── Email preferences (docs/decisions 0034) ─────────────────────────────────────────────────

/** The optional kinds of email; lesson confirmations, changes and account mail always go. */
export const EMAIL_CATEGORIES = ['newMessages', 'lessonReminders'] as const;
export type EmailCategory = (typeof EMAIL_CATEGORIES)[number];

export const emailPreferences = z
  .object({ newMessages: z.boolean(), lessonReminders: z.boolean() })
  .strict()
  .describe('Which optional emails I get; every one is on until turned off.');
export type EmailPreferences = z.infer<typeof emailPreferences>;

export const updateEmailPreferencesBody = z
  .strictObject({ newMessages: z.boolean().optional(), lessonReminders: z.boolean().optional() })
  .refine((b) => Object.keys(b).length > 0, 'Send at least one preference to change.');

/** The token of an unsubscribe link: `m` or `r`, the person's id and a signature. */
export const unsubscribeParams = strictParams({
  token: z.string().regex(/^[mr]_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/, 'This unsubscribe link is malformed.'),
});

export const unsubscribeInfo = z
  .object({ category: z.enum(EMAIL_CATEGORIES), subscribed: z.boolean() })
  .strict()
  .describe('What an unsubscribe link turns off, and whether it is still on.');
export type UnsubscribeInfo = z.infer<typeof unsubscribeInfo>;

export const unsubscribed = z
  .object({ category: z.enum(EMAIL_CATEGORIES), subscribed: z.literal(false) })
  .strict()
  .describe('The category is off (it may have been off already).');
export type Unsubscribed = z.infer<typeof unsubscribed>;
export const emailVerificationState = z
  .object({ emailVerified: z.boolean() })
  .describe('Whether the address is verified; when not, a new link is on its way.');
export type EmailVerificationState = z.infer<typeof emailVerificationState>;
