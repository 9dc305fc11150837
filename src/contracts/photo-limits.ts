// Profile photo limits and URLs, shared by the server and the web app. No zod here: the web app
// imports these values without pulling the schemas into its bundle.

/** Largest upload accepted, in bytes (5 MiB). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** The formats accepted, as the browser's file picker names them. */
export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Stored square renditions, in pixels (WebP). The web app picks one by the size it draws. */
export const PHOTO_SIZES = [96, 256, 640] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];
/** The shorter side an upload needs at least, so the largest rendition is not a blur. */
export const MIN_PHOTO_SIDE = 96;

/** Where a stored rendition is served; the key is content-hashed, so the URL never changes meaning. */
export const photoUrlOf = (key: string, size: PhotoSize = 256): string => `/api/v1/photos/${key}/${size}`;

/** Another rendition of a photo URL from `photoUrlOf` (the web app's srcset). */
export const photoUrlAtSize = (url: string, size: PhotoSize): string => url.replace(/\/\d+$/, `/${size}`);
