import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES, PHOTO_SIZES } from '../../../contracts/photo-limits.js';
import { AppError } from '../../platform/http/errors.js';
import { renditionsOf, sniffFormat } from './photo-image.js';
import {
  fakePng,
  jpegHeaderThenHtml,
  jpegWithGps,
  pngBomb,
  pngOf,
  pngThenScript,
  webpOf,
} from './photos.test-helpers.js';

async function refusal(bytes: Buffer): Promise<{ status: number; code: string }> {
  try {
    await renditionsOf(bytes);
  } catch (err) {
    if (err instanceof AppError) return { status: err.statusCode, code: err.code };
    throw err;
  }
  throw new Error('accepted');
}

describe('photo checks and re-encoding', () => {
  it('sniffs JPEG, PNG and WebP from their bytes, and nothing else', async () => {
    expect(sniffFormat(await jpegWithGps())).toBe('jpeg');
    expect(sniffFormat(await pngOf())).toBe('png');
    expect(sniffFormat(await webpOf())).toBe('webp');
    expect(sniffFormat(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniffFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it('re-encodes to square WebP renditions with no EXIF, GPS, XMP or ICC left', async () => {
    const input = await jpegWithGps(1200, 800);
    const inMeta = await sharp(input).metadata();
    expect(inMeta.exif?.includes(Buffer.from('Snapper 9'))).toBe(true);
    const out = await renditionsOf(input);
    expect([...out.keys()]).toEqual([...PHOTO_SIZES]);
    for (const [size, bytes] of out) {
      const m = await sharp(bytes).metadata();
      expect(m).toMatchObject({ format: 'webp', width: size, height: size });
      expect(m.exif).toBeUndefined();
      expect(m.xmp).toBeUndefined();
      expect(m.icc).toBeUndefined();
      expect(bytes.includes(Buffer.from('Snapper 9'))).toBe(false);
      expect(bytes.includes(Buffer.from('PhotoCorp'))).toBe(false);
    }
  });

  it('refuses a decompression bomb from its header, before decoding', async () => {
    expect(await refusal(pngBomb())).toEqual({ status: 422, code: 'PHOTO_DIMENSIONS_TOO_LARGE' });
    // Over the side limit while under the pixel limit (a 1 × 40,000 strip) is refused too.
    expect(await refusal(pngBomb(40_000, 100))).toEqual({ status: 422, code: 'PHOTO_DIMENSIONS_TOO_LARGE' });
  });

  it('refuses non-images, polyglots, fakes, tiny images and files over 5 MB', async () => {
    expect(await refusal(Buffer.from('hello, not an image'))).toEqual({
      status: 415,
      code: 'PHOTO_UNSUPPORTED_TYPE',
    });
    expect(await refusal(Buffer.alloc(0))).toMatchObject({ status: 400, code: 'PHOTO_REQUIRED' });
    expect(await refusal(jpegHeaderThenHtml())).toEqual({ status: 422, code: 'PHOTO_NOT_AN_IMAGE' });
    expect(await refusal(await pngThenScript())).toEqual({ status: 422, code: 'PHOTO_NOT_AN_IMAGE' });
    expect(await refusal(fakePng())).toEqual({ status: 422, code: 'PHOTO_UNREADABLE' });
    expect(await refusal(await pngOf(40, 300))).toEqual({ status: 422, code: 'PHOTO_TOO_SMALL' });
    const big = Buffer.concat([await pngOf(), Buffer.alloc(MAX_PHOTO_BYTES)]);
    expect(await refusal(big)).toEqual({ status: 413, code: 'PHOTO_TOO_LARGE' });
  });
});
