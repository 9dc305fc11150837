import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PhotoStorage } from './photo-storage.js';
import { checkedName } from './photo-storage.js';

/** Photo storage in a directory (`DATA_DIR/photos`): one file per name, written atomically. */
export class FileSystemPhotoStorage implements PhotoStorage {
  constructor(readonly root: string) {}

  private path(name: string): string {
    return join(this.root, checkedName(name));
  }

  async put(name: string, bytes: Buffer): Promise<void> {
    const path = this.path(name);
    await mkdir(dirname(path), { recursive: true });
    // A reader never sees half a file: write beside it, then rename over.
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, bytes);
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async get(name: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(name));
    } catch (err) {
      if (
        (err as NodeJS.ErrnoException).code === 'ENOENT' ||
        (err as NodeJS.ErrnoException).code === 'EISDIR'
      )
        return null;
      throw err;
    }
  }

  async delete(name: string): Promise<void> {
    await rm(this.path(name), { recursive: true, force: true });
  }
}
