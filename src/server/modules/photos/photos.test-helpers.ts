import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A real photo-like JPEG carrying EXIF with a GPS position and a camera name. */
export async function jpegWithGps(width = 800, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a7bd5' } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'PhotoCorp', Model: 'Snapper 9', Copyright: 'Someone' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '40/1 44/1 54/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '73/1 59/1 9/1',
      },
    })
    .toBuffer();
}

export const pngOf = (width = 300, height = 300) =>
  sharp({ create: { width, height, channels: 4, background: '#e0a040' } })
    .png()
    .toBuffer();

export const webpOf = (width = 300, height = 200) =>
  sharp({ create: { width, height, channels: 3, background: '#40a0e0' } })
    .webp()
    .toBuffer();

function crc32(buf: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of buf) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A decompression bomb: a valid PNG of a few hundred bytes whose header claims width × height
 * pixels (20,000² would decode to 1.2 GB of RGB).
 */
export function pngBomb(width = 20_000, height = 20_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Magic bytes of a JPEG followed by an HTML page with a script. */
export const jpegHeaderThenHtml = () =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>'),
  ]);

/** A valid image with a script appended after its end: an image and a page at once. */
export const pngThenScript = async () =>
  Buffer.concat([await pngOf(200, 200), Buffer.from('<script>fetch("/api/v1/auth/me")</script>')]);

/** PNG magic and then bytes that are no PNG at all. */
export const fakePng = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 7)]);
