import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../contracts/errors.js';
import { notModified } from '../../../contracts/http.js';
import { MAX_PHOTO_BYTES } from '../../../contracts/photo-limits.js';
import { instructorPhotoParams, photoImage, photoParams, profilePhoto } from '../../../contracts/photos.js';
import { noQuery } from '../../../contracts/primitives.js';
import { etagMatches } from '../../platform/http/prepared-response.js';
import { fileFieldOf } from './multipart-file.js';
import type { PhotosService } from './photos.service.js';

/** Room for the multipart envelope around a file at the limit; the file itself is held to the limit. */
const UPLOAD_BODY_LIMIT = MAX_PHOTO_BYTES + 64 * 1024;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The uploaded bytes, whatever the client called them: the type is sniffed from the bytes later. */
function uploadedBytes(req: FastifyRequest): Buffer {
  const body = req.body;
  if (!Buffer.isBuffer(body)) return Buffer.alloc(0);
  const type = req.headers['content-type'] ?? '';
  return /^multipart\/form-data\b/i.test(type) ? fileFieldOf(body, type, 'photo') : body;
}

export const photosRoutes =
  (photos: PhotosService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['photos'];
    // Uploads only, in their own scope: any body type is taken as bytes there (JSON stays JSON and
    // is refused as not an image), so the declared Content-Type decides nothing; the other photo
    // routes keep the app's parsers and refuse a body they do not take.
    await app.register(async (uploads) => {
      uploads.addContentTypeParser(
        '*',
        { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT },
        (_req, body, done) => done(null, body),
      );

      const upload = {
        config: { permission: 'manage_instructor_profile' as const },
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          operationId: 'uploadMyPhoto',
          summary: 'Set my profile photo: a JPEG, PNG or WebP image of at most 5 MB.',
          description:
            'The body is the image itself, or multipart/form-data with the file in the field "photo". The format is read from the bytes, never from the file name or Content-Type. The image is re-encoded to square WebP renditions (96, 256 and 640 px) without its metadata (EXIF, GPS).',
          tags,
          querystring: noQuery,
          // 413: over 5 MB. 415: not JPEG, PNG or WebP. 422: unreadable, markup inside, or too many pixels.
          response: { 200: profilePhoto, 404: errorResponse, 422: errorResponse },
        },
      };
      const handler = async (req: FastifyRequest) => photos.upload(req.auth!, uploadedBytes(req));
      uploads.post('/instructors/me/photo', upload, handler);
      uploads.put(
        '/instructors/me/photo',
        { ...upload, schema: { ...upload.schema, operationId: 'putMyPhoto' } },
        handler,
      );
    });

    app.delete(
      '/instructors/me/photo',
      {
        config: { permission: 'manage_instructor_profile' },
        schema: {
          operationId: 'removeMyPhoto',
          summary: 'Remove my profile photo (a placeholder is shown instead).',
          tags,
          querystring: noQuery,
          response: { 200: profilePhoto, 404: errorResponse },
        },
      },
      async (req) => photos.removeOwn(req.auth!),
    );

    app.delete(
      '/admin/instructors/:id/photo',
      {
        config: { permission: 'moderate_content' },
        schema: {
          operationId: 'moderateInstructorPhoto',
          summary: "Remove an instructor's profile photo for moderation.",
          tags: ['admin', ...tags],
          querystring: noQuery,
          params: instructorPhotoParams,
          // 404: no such instructor.
          response: { 200: profilePhoto, 404: errorResponse },
        },
      },
      async (req) => photos.removeAsModerator(req.auth!, req.params.id),
    );

    app.get(
      '/photos/:key/:size',
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'getPhoto',
          summary: 'Get a square rendition of a profile photo (cached for a year: the key names its bytes).',
          tags,
          querystring: noQuery,
          params: photoParams,
          response: {
            200: { description: 'The rendition.', content: { 'image/webp': { schema: photoImage } } },
            304: notModified,
            404: errorResponse,
          },
        },
      },
      async (req, reply) => {
        const { key, size } = req.params;
        const bytes = await photos.rendition(key, size);
        // Strong and stable: the key is a hash of the upload, the rendition of it never changes.
        const etag = `"${key}-${size}"`;
        reply.header('etag', etag).header('cache-control', IMMUTABLE);
        if (etagMatches(req, etag)) return reply.code(304).send(null);
        // Bytes go out as they are; the contract's string schema is for the document only.
        return reply.type('image/webp').send(bytes as unknown as string);
      },
    );
  };
