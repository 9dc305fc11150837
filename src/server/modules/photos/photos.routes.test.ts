import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { addAvailability, createInstructor, insertLessonRow, localDate } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';
import {
  fakePng,
  jpegHeaderThenHtml,
  jpegWithGps,
  pngBomb,
  pngOf,
  pngThenScript,
  webpOf,
} from './photos.test-helpers.js';

const dataDir = mkdtempSync(join(tmpdir(), 'instainstru-photos-'));
const photoDir = join(dataDir, 'photos');
const clock = new ManualClock(new Date('2026-11-24T15:00:00Z'));
let t: TestApp;
let admin: { token: string; id: string };
beforeAll(async () => {
  t = await createTestApp({ clock, config: { dataDir } });
  admin = await t.user({ roles: ['admin'] });
});
afterAll(() => t.close());

/** Every file under the photo storage root. */
function storedFiles(): string[] {
  try {
    return readdirSync(photoDir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name));
  } catch {
    return [];
  }
}

const upload = (
  token: string | undefined,
  payload: Buffer,
  contentType = 'image/jpeg',
  method: 'POST' | 'PUT' = 'POST',
) =>
  t.request({
    method,
    url: '/api/v1/instructors/me/photo',
    token,
    payload,
    headers: { 'content-type': contentType },
  });

function multipart(bytes: Buffer, field = 'photo', filename = 'me.jpg') {
  const boundary = '----instainstru-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: image/gif\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const get = (url: string, headers: Record<string, string> = {}) => t.request({ method: 'GET', url, headers });

describe('profile photo upload', () => {
  it('the instructor uploads a JPEG: renditions stored without EXIF or GPS, served immutable with an ETag, shown on the profile', async () => {
    const i = await createInstructor(t, { services: [{ slug: 'piano' }] });
    const res = await upload(i.token, await jpegWithGps(1600, 1200), 'application/octet-stream');
    expect(res.statusCode, res.body).toBe(200);
    const { photoUrl } = res.json();
    expect(photoUrl).toMatch(/^\/api\/v1\/photos\/[0-9a-f]{32}\/256$/);

    for (const size of [96, 256, 640]) {
      const img = await get(photoUrl.replace(/256$/, String(size)));
      expect(img.statusCode).toBe(200);
      expect(img.headers['content-type']).toBe('image/webp');
      expect(img.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const meta = await sharp(img.rawPayload).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: size, height: size });
      expect(meta.exif).toBeUndefined();
      expect(img.rawPayload.includes(Buffer.from('Snapper 9'))).toBe(false);
      const again = await get(photoUrl.replace(/256$/, String(size)), {
        'if-none-match': String(img.headers.etag),
      });
      expect(again.statusCode).toBe(304);
    }
    const profile = (await t.request({ method: 'GET', url: `/api/v1/instructors/${i.id}` })).json();
    expect(profile.photoUrl).toBe(photoUrl);
    const own = (await t.request({ method: 'GET', url: '/api/v1/instructors/me', token: i.token })).json();
    expect(own.photoUrl).toBe(photoUrl);
    const listed = (await t.request({ method: 'GET', url: '/api/v1/instructors?service=piano' })).json();
    expect(listed.items.find((x: { id: string }) => x.id === i.id).photoUrl).toBe(photoUrl);
  });

  it('PNG and WebP are accepted whatever the Content-Type says, and as the multipart field "photo"', async () => {
    const i = await createInstructor(t);
    expect((await upload(i.token, await pngOf(), 'image/gif')).statusCode).toBe(200);
    expect((await upload(i.token, await webpOf(), 'text/plain', 'PUT')).statusCode).toBe(200);
    const m = multipart(await pngOf(400, 500));
    const res = await upload(i.token, m.body, m.contentType);
    expect(res.statusCode, res.body).toBe(200);
    const img = await get(res.json().photoUrl);
    expect(await sharp(img.rawPayload).metadata()).toMatchObject({ width: 256, height: 256 });
    const wrongField = multipart(await pngOf(), 'avatar');
    expect((await upload(i.token, wrongField.body, wrongField.contentType)).statusCode).toBe(400);
  });

  it('a new photo replaces the old one in storage; removing it deletes the files and the profile shows none', async () => {
    const i = await createInstructor(t);
    const before = storedFiles().length;
    const first = (await upload(i.token, await pngOf(300, 300))).json().photoUrl;
    expect(storedFiles().length).toBe(before + 3);
    const second = (await upload(i.token, await pngOf(310, 300))).json().photoUrl;
    expect(second).not.toBe(first);
    expect(storedFiles().length).toBe(before + 3);
    expect((await get(first)).statusCode).toBe(404);
    const removed = await t.request({
      method: 'DELETE',
      url: '/api/v1/instructors/me/photo',
      token: i.token,
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ photoUrl: null });
    expect(storedFiles().length).toBe(before);
    expect((await get(second)).statusCode).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/instructors/${i.id}` })).json().photoUrl,
    ).toBeNull();
  });

  it('a non-image, a polyglot, a fake PNG, a 6 MB file and a 20,000 × 20,000 header are 4xx with the error body, and nothing is stored', async () => {
    const i = await createInstructor(t);
    const before = storedFiles();
    const cases: [string, Buffer, number, string][] = [
      ['text', Buffer.from('just some text, no image here'), 415, 'PHOTO_UNSUPPORTED_TYPE'],
      ['html', Buffer.from('<!doctype html><script>alert(1)</script>'), 415, 'PHOTO_UNSUPPORTED_TYPE'],
      ['jpeg header + html', jpegHeaderThenHtml(), 422, 'PHOTO_NOT_AN_IMAGE'],
      ['png + script', await pngThenScript(), 422, 'PHOTO_NOT_AN_IMAGE'],
      ['fake png', fakePng(), 422, 'PHOTO_UNREADABLE'],
      ['6 MB', Buffer.concat([await pngOf(), Buffer.alloc(6 * 1024 * 1024)]), 413, 'PAYLOAD_TOO_LARGE'],
      ['bomb', pngBomb(20_000, 20_000), 422, 'PHOTO_DIMENSIONS_TOO_LARGE'],
      ['empty', Buffer.alloc(0), 400, 'PHOTO_REQUIRED'],
    ];
    for (const [name, bytes, status, code] of cases) {
      const res = await upload(i.token, bytes, 'image/png');
      expect(res.statusCode, name).toBe(status);
      expect(res.json(), name).toMatchObject({ error: { code, message: expect.any(String) } });
    }
    const bomb = multipart(pngBomb());
    expect((await upload(i.token, bomb.body, bomb.contentType)).statusCode).toBe(422);
    expect(storedFiles()).toEqual(before);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/instructors/me', token: i.token })).json().photoUrl,
    ).toBeNull();
  });
});

describe('photo route access: owner, other user, anonymous, admin', () => {
  it('upload and removal of my photo: instructor yes, student 403, anonymous 401, admin without a profile 404', async () => {
    const student = await t.user();
    const png = await pngOf();
    expect((await upload(undefined, png)).statusCode).toBe(401);
    expect((await upload(student.token, png)).statusCode).toBe(403);
    // An admin holds every permission but has no instructor profile: there is no photo of theirs to set.
    expect((await upload(admin.token, png)).statusCode).toBe(404);
    for (const token of [undefined, student.token, admin.token]) {
      const res = await t.request({ method: 'DELETE', url: '/api/v1/instructors/me/photo', token });
      expect(res.statusCode).toBe(token === admin.token ? 404 : token ? 403 : 401);
    }
  });

  it("another instructor's upload or removal changes only their own photo", async () => {
    const owner = await createInstructor(t);
    const other = await createInstructor(t);
    const mine = (await upload(owner.token, await pngOf(320, 320))).json().photoUrl;
    await upload(other.token, await pngOf(330, 330));
    await t.request({ method: 'DELETE', url: '/api/v1/instructors/me/photo', token: other.token });
    expect((await t.request({ method: 'GET', url: `/api/v1/instructors/${owner.id}` })).json().photoUrl).toBe(
      mine,
    );
    expect((await get(mine)).statusCode).toBe(200);
  });

  it('moderation removal: admin yes, the owner, another user and anonymous no; unknown or malformed ids 404', async () => {
    const owner = await createInstructor(t);
    const student = await t.user();
    const url = (await upload(owner.token, await pngOf(340, 340))).json().photoUrl;
    const moderate = (id: string, token?: string) =>
      t.request({ method: 'DELETE', url: `/api/v1/admin/instructors/${id}/photo`, token });
    expect((await moderate(owner.id)).statusCode).toBe(401);
    expect((await moderate(owner.id, owner.token)).statusCode).toBe(403);
    expect((await moderate(owner.id, student.token)).statusCode).toBe(403);
    expect((await get(url)).statusCode).toBe(200);
    const res = await moderate(owner.id, admin.token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ photoUrl: null });
    expect((await get(url)).statusCode).toBe(404);
    expect((await moderate('00000000-0000-4000-8000-000000000000', admin.token)).statusCode).toBe(404);
    expect((await moderate('not-a-uuid', admin.token)).statusCode).toBe(404);
  });

  it('renditions are public to everyone; a bad key or size is 400, an unknown one 404', async () => {
    const owner = await createInstructor(t);
    const student = await t.user();
    const url = (await upload(owner.token, await pngOf(350, 350))).json().photoUrl;
    for (const token of [undefined, owner.token, student.token, admin.token]) {
      expect((await t.request({ method: 'GET', url, token })).statusCode).toBe(200);
    }
    expect((await get('/api/v1/photos/..%2F..%2Fetc/256')).statusCode).toBe(400);
    expect((await get(url.replace(/256$/, '257'))).statusCode).toBe(400);
    expect((await get('/api/v1/photos/0123456789abcdef0123456789abcdef/256')).statusCode).toBe(404);
  });
});

describe('the photo in every view of the instructor', () => {
  it('search cards, lessons, book-again and conversations carry the photo URL; none before upload', async () => {
    const i = await createInstructor(t, { fullName: 'Hana Harpist', services: [{ slug: 'harp' }] });
    await addAvailability(t, i.id, [localDate(clock.now(), 2)], ['09:00-12:00']);
    const student = await t.user({ fullName: 'Sol Student' });
    const lesson = await insertLessonRow(t, {
      instructor: i,
      studentId: student.id,
      startsAt: '2026-11-20T15:00:00Z',
      status: 'completed',
    });
    const conv = await t.request({
      method: 'POST',
      url: '/api/v1/conversations',
      token: student.token,
      payload: { instructorId: i.id },
    });
    expect(conv.statusCode).toBe(201);

    const views = async () => {
      const search = await t.request({ method: 'GET', url: '/api/v1/search?q=harp&perPage=100' });
      const card = search
        .json()
        .results.find((r: { instructor: { id: string } }) => r.instructor.id === i.id);
      const booking = (
        await t.request({ method: 'GET', url: `/api/v1/bookings/${lesson}`, token: student.token })
      ).json();
      const list = (
        await t.request({
          method: 'GET',
          url: '/api/v1/bookings?as=student&scope=history',
          token: student.token,
        })
      ).json();
      const again = (
        await t.request({ method: 'GET', url: '/api/v1/bookings/book-again', token: student.token })
      ).json();
      expect(again.items).toHaveLength(1);
      const convs = (
        await t.request({ method: 'GET', url: '/api/v1/conversations', token: student.token })
      ).json();
      return [
        card.instructor.photoUrl,
        booking.instructor.photoUrl,
        list.items[0].instructor.photoUrl,
        again.items[0].instructor.photoUrl,
        convs.items[0].instructor.photoUrl,
      ];
    };
    expect(await views()).toEqual([null, null, null, null, null]);
    const { photoUrl } = (await upload(i.token, await pngOf(360, 360))).json();
    expect(await views()).toEqual([photoUrl, photoUrl, photoUrl, photoUrl, photoUrl]);
  });
});
