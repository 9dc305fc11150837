/**
 * Where photo bytes live. The filesystem one below serves a single machine or a shared volume; an
 * S3-compatible bucket replaces it at scale with the same three calls. Names are relative paths
 * such as `ab12…/256.webp`: segments of lowercase letters, digits, dots and dashes, never `..`.
 */
export interface PhotoStorage {
  put(name: string, bytes: Buffer, contentType: string): Promise<void>;
  /** Null when nothing is stored under the name. */
  get(name: string): Promise<Buffer | null>;
  /** Removes the name and whatever is stored under it as a prefix (`ab12…` removes every size). */
  delete(name: string): Promise<void>;
}

const NAME = /^[a-z0-9][a-z0-9.-]*(\/[a-z0-9][a-z0-9.-]*)*$/;

/** Refuses any name that could leave the storage root (`..`, absolute paths, backslashes). */
export function checkedName(name: string): string {
  if (!NAME.test(name) || name.split('/').some((s) => s === '..' || s.startsWith('..'))) {
    throw new Error(`not a storage name: ${JSON.stringify(name)}`);
  }
  return name;
}
