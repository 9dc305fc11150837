import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EmailCategory } from '../../../contracts/accounts.js';

// One-click unsubscribe links (RFC 8058, docs/decisions 0034). A token names one person and one
// category and is signed with a key derived from the server's secret, so it needs no table, cannot
// be guessed, and cannot be turned into another person's or another category's token. No dots:
// the web app takes a last segment with a dot for a file name, not a page.

const CODE: Record<EmailCategory, string> = { newMessages: 'm', lessonReminders: 'r' };
const CATEGORY_OF: Record<string, EmailCategory> = { m: 'newMessages', r: 'lessonReminders' };

const keyOf = (secret: string) => createHmac('sha256', secret).update('list-unsubscribe/v1').digest();
const signature = (secret: string, code: string, hex: string) =>
  createHmac('sha256', keyOf(secret)).update(`${code}.${hex}`).digest('base64url');

export function unsubscribeToken(secret: string, userId: string, category: EmailCategory): string {
  const hex = userId.replaceAll('-', '').toLowerCase();
  return `${CODE[category]}_${hex}_${signature(secret, CODE[category], hex)}`;
}

/** The person and category of a genuine token; null for anything forged or altered. */
export function readUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; category: EmailCategory } | null {
  const m = /^([mr])_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const [, code, hex, sig] = m as unknown as [string, string, string, string];
  const want = Buffer.from(signature(secret, code, hex));
  const got = Buffer.from(sig);
  if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
  const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { userId, category: CATEGORY_OF[code]! };
}

/** Where a token's link points: a page with a button for people, a one-click POST for mail apps. */
export const unsubscribeUrl = (publicUrl: string, token: string) =>
  new URL(`/unsubscribe/${token}`, publicUrl).toString();

/**
 * The headers of an optional email: the https (or dev http) link mail apps show as "Unsubscribe",
 * and RFC 8058's statement that a POST to it unsubscribes at once.
 */
export function listUnsubscribeHeaders(
  site: { publicUrl: string; listSecret: string },
  userId: string,
  category: EmailCategory,
): Record<string, string> {
  const url = unsubscribeUrl(site.publicUrl, unsubscribeToken(site.listSecret, userId, category));
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
