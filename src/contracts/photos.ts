// What the profile photo routes take and answer. Shared by the server and the web app.
import { z } from 'zod';
import { PHOTO_SIZES } from './photo-limits.js';
import { idText, strictParams } from './primitives.js';

export const photoParams = strictParams({
  key: z.string().regex(/^[0-9a-f]{32}$/, 'Not a photo key.'),
  size: z.enum(PHOTO_SIZES.map(String) as [string, ...string[]]).transform(Number),
});

export const instructorPhotoParams = strictParams({ id: idText() });

export const profilePhoto = z
  .object({
    photoUrl: z
      .string()
      .nullable()
      .describe('The 256 px rendition; the same path ending /96 or /640 gives the others. Null: none.'),
  })
  .describe("The instructor's profile photo after the change.");
export type ProfilePhoto = z.infer<typeof profilePhoto>;

export const photoImage = z.string().describe('A square WebP rendition of a profile photo.');
