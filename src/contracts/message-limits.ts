// The sizes of messaging (PRODUCT §8): read by the request contracts and by the web app's composer
// and history. Plain values with no imports, so the web bundle can take them without pulling in zod.

export const MAX_MESSAGE_CHARS = 2000;
export const MESSAGES_PAGE_MAX = 100;
