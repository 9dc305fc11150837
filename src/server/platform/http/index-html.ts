import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built index.html, read again only when the file changes (a rebuild under a running dev
 * server); null when the web app is not built.
 */
export function indexHtmlReader(webDir: string): () => string | null {
  const file = join(webDir, 'index.html');
  let cached: { mtimeMs: number; html: string } | undefined;
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return null;
    }
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(file, 'utf8') };
    return cached.html;
  };
}

export const NOT_BUILT_HTML =
  '<!doctype html><title>InstaInstru</title><p>The web app is not built: run <code>npm run build:web</code>.</p>';
