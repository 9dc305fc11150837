import sharp from 'sharp';
import type { Metadata } from 'sharp';
import { MAX_PHOTO_BYTES, MIN_PHOTO_SIDE, PHOTO_SIZES } from '../../../contracts/photo-limits.js';
import type { PhotoSize } from '../../../contracts/photo-limits.js';
import { AppError, badRequest, unprocessable } from '../../platform/http/errors.js';

export type PhotoFormat = 'jpeg' | 'png' | 'webp';

/**
 * A phone's 48 MP photo fits; a header claiming 20,000 × 20,000 (a decompression bomb: a few bytes
 * that would decode to 1.2 GB) is refused from its header, before any pixel is decoded.
 */
export const MAX_INPUT_PIXELS = 50_000_000;
const MAX_SIDE = 12_000;

/** The format the bytes say they are, from their magic numbers alone (the name and type are not read). */
export function sniffFormat(b: Buffer): PhotoFormat | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP')
    return 'webp';
  return null;
}

/**
 * Markup or script inside an image file is the mark of a polyglot (an image that is also an HTML
 * page or a script). Re-encoding would drop it anyway; refusing says plainly that it was seen.
 * Seven given bytes turning up by chance in 5 MB of compressed data is vanishingly unlikely.
 */
const MARKUP = /<(?:script|html|!doctype|body|iframe|svg|object|embed)\b|<\?php|javascript:/i;
export const holdsMarkup = (b: Buffer): boolean => MARKUP.test(b.toString('latin1'));

export type Renditions = Map<PhotoSize, Buffer>;

const refusal = (code: string, message: string, details?: Record<string, unknown>) =>
  unprocessable(code, message, details);

/**
 * Checks an upload and re-encodes it to the stored square WebP renditions. The output is made of
 * decoded pixels only: EXIF (GPS included), XMP, ICC and comments are not carried over, since sharp
 * writes metadata only when asked (`withMetadata`/`keepMetadata`), and it is never asked here.
 */
export async function renditionsOf(bytes: Buffer): Promise<Renditions> {
  if (bytes.length === 0) throw badRequest('PHOTO_REQUIRED', 'Choose an image to upload.');
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new AppError(413, 'PHOTO_TOO_LARGE', 'The photo is larger than 5 MB.', {
      maxBytes: MAX_PHOTO_BYTES,
    });
  const format = sniffFormat(bytes);
  if (!format)
    throw new AppError(415, 'PHOTO_UNSUPPORTED_TYPE', 'Upload a JPEG, PNG or WebP image.', {
      accepted: ['jpeg', 'png', 'webp'],
    });
  if (holdsMarkup(bytes))
    throw refusal('PHOTO_NOT_AN_IMAGE', 'The file holds markup or script besides an image.');
  // failOn 'error': a corrupt or truncated file is refused rather than half decoded.
  const input = () => sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  let meta: Metadata;
  try {
    // The header only: no pixels are decoded here.
    meta = await input().metadata();
  } catch (err) {
    throw unreadable(err);
  }
  if (meta.format !== format) throw refusal('PHOTO_UNREADABLE', 'The file is not a readable image.');
  const { width = 0, height = 0 } = meta;
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_INPUT_PIXELS)
    throw refusal('PHOTO_DIMENSIONS_TOO_LARGE', 'The image is too large: at most 50 megapixels.', {
      width,
      height,
    });
  if (Math.min(width, height) < MIN_PHOTO_SIDE)
    throw refusal(
      'PHOTO_TOO_SMALL',
      `The image needs at least ${MIN_PHOTO_SIDE} × ${MIN_PHOTO_SIDE} pixels.`,
      {
        width,
        height,
      },
    );
  try {
    // One decode, turned upright by its EXIF orientation, then cut to each square size.
    const upright = input().rotate();
    const out: Renditions = new Map();
    for (const size of PHOTO_SIZES) {
      out.set(
        size,
        await upright
          .clone()
          .resize(size, size, { fit: 'cover', position: 'centre', withoutEnlargement: false })
          .webp({ quality: 82, effort: 4 })
          .toBuffer(),
      );
    }
    return out;
  } catch (err) {
    throw unreadable(err);
  }
}

function unreadable(err: unknown): AppError {
  const message = err instanceof Error ? err.message : '';
  if (/pixel limit/i.test(message))
    return refusal('PHOTO_DIMENSIONS_TOO_LARGE', 'The image is too large: at most 50 megapixels.');
  return refusal('PHOTO_UNREADABLE', 'The file is not a readable image.');
}
