import { createHash, createHmac, randomBytes } from 'node:crypto';

/** Opaque bearer secret handed to the client once; only its keyed hash is stored. */
export const newToken = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

export const hashToken = (secret: string, token: string) =>
  createHmac('sha256', secret).update(token).digest('base64url');

/** Raw IPs are never stored or used as keys: only this salted hash. */
export const hashIp = (salt: string, ip: string) =>
  createHash('sha256').update(`${salt}:${ip}`).digest('base64url').slice(0, 32);
