import { createHash } from 'node:crypto';
import { PHOTO_SIZES, photoUrlOf } from '../../../contracts/photo-limits.js';
import type { PhotoSize } from '../../../contracts/photo-limits.js';
import type { ProfilePhoto } from '../../../contracts/photos.js';
import { requirePermission } from '../../platform/access/require-permission.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { AppDeps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';
import { isUuid } from '../../platform/ids.js';
import { Limiter } from '../../platform/limits/limiter.js';
import type { PhotoStorage } from '../../platform/storage/photo-storage.js';
import { renditionsOf } from './photo-image.js';
import * as repo from './photos.repo.js';

const nameOf = (key: string, size: PhotoSize) => `${key}/${size}.webp`;
const view = (key: string | null): ProfilePhoto => ({ photoUrl: key ? photoUrlOf(key) : null });

/**
 * Profile photos: checked and re-encoded on upload (photo-image.ts), kept in photo storage under a
 * key hashed from the instructor and the file, pointed at by the profile. A key never names other
 * bytes, so its URLs are cached for a year.
 */
export class PhotosService {
  /** Re-encoding is the costliest thing a user can ask for: a few uploads a minute each. */
  private readonly uploadLimiter: Limiter;
  private changedListener: (instructorId: string) => Promise<void> = async () => {};

  constructor(
    private readonly deps: AppDeps,
    readonly storage: PhotoStorage,
  ) {
    this.uploadLimiter = new Limiter(
      { name: 'photo-upload', points: 10, durationSeconds: 60 },
      deps.redis,
      deps.keyPrefix,
    );
  }

  /** Who must hear that a profile's photo changed (search keeps the key in its index). */
  onChange(listener: (instructorId: string) => Promise<void>): void {
    this.changedListener = listener;
  }

  async upload(auth: AuthContext, bytes: Buffer): Promise<ProfilePhoto> {
    const instructorId = auth.user.id;
    if (!(await repo.photoKeyOf(this.deps.db, instructorId))) throw notFound('Instructor profile');
    await this.uploadLimiter.consume(instructorId);
    // Everything is checked and encoded in memory first: a refused file leaves nothing stored.
    const renditions = await renditionsOf(bytes);
    const key = createHash('sha256')
      .update(instructorId)
      .update(':')
      .update(bytes)
      .digest('hex')
      .slice(0, 32);
    try {
      for (const [size, webp] of renditions) await this.storage.put(nameOf(key, size), webp, 'image/webp');
    } catch (err) {
      await this.storage.delete(key);
      throw err;
    }
    let replaced: Awaited<ReturnType<typeof repo.replacePhotoKey>>;
    try {
      replaced = await repo.replacePhotoKey(this.deps.db, instructorId, key);
    } catch (err) {
      await this.storage.delete(key);
      throw err;
    }
    if (!replaced) {
      await this.storage.delete(key);
      throw notFound('Instructor profile');
    }
    if (replaced.previous && replaced.previous !== key) await this.forget(replaced.previous);
    await this.changedListener(instructorId);
    return view(key);
  }

  async removeOwn(auth: AuthContext): Promise<ProfilePhoto> {
    return this.remove(auth.user.id);
  }

  /** Moderation: an admin takes down a photo (the instructor may upload another). */
  async removeAsModerator(auth: AuthContext, instructorId: string): Promise<ProfilePhoto> {
    requirePermission(auth, 'moderate_content');
    if (!isUuid(instructorId)) throw notFound('Instructor');
    const out = await this.remove(instructorId);
    this.deps.log.info({ moderatorId: auth.user.id, instructorId }, 'profile photo removed by a moderator');
    return out;
  }

  private async remove(instructorId: string): Promise<ProfilePhoto> {
    const replaced = await repo.replacePhotoKey(this.deps.db, instructorId, null);
    if (!replaced) throw notFound('Instructor');
    if (replaced.previous) {
      await this.forget(replaced.previous);
      await this.changedListener(instructorId);
    }
    return view(null);
  }

  /** The stored bytes of a key no profile points at any more. */
  private async forget(key: string): Promise<void> {
    if (!(await repo.isPhotoKeyInUse(this.deps.db, key))) await this.storage.delete(key);
  }

  /** One stored rendition; 404 when the key or size holds nothing. */
  async rendition(key: string, size: number): Promise<Buffer> {
    const known = PHOTO_SIZES.find((s) => s === size);
    const bytes = known ? await this.storage.get(nameOf(key, known)) : null;
    if (!bytes) throw notFound('Photo');
    return bytes;
  }
}
