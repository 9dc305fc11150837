// What the auth routes answer: the signed-in user, sessions and password resets.
import { z } from 'zod';

export const accountStatus = z.enum(['active', 'suspended', 'deactivated']);
export type AccountStatus = z.infer<typeof accountStatus>;

export const roleName = z.enum(['student', 'instructor', 'admin']);
export type RoleName = z.infer<typeof roleName>;

export const me = z
  .object({
    id: z.string(),
    email: z.string(),
    fullName: z.string(),
    /** IANA zone the user's times are shown in. */
    timezone: z.string(),
    accountStatus,
    roles: z.array(roleName),
    /** Every permission the user holds: role grants plus per-user grants, minus per-user revokes. */
    permissions: z.array(z.string()),
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
