import { fileURLToPath } from 'node:url';

/**
 * Built at install (`npm run build:vectors`, run by postinstall) into the checkout's var/build,
 * shared by every DATA_DIR and by the tests; WORD_VECTORS_PATH overrides it.
 */
export const wordVectorsPath = () =>
  process.env.WORD_VECTORS_PATH ??
  fileURLToPath(new URL('../../../../var/build/word-vectors-100k.bin', import.meta.url));
