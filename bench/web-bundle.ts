// What a first visit downloads: the entry script, the stylesheet and every module it preloads,
// read from the built dist/web/index.html and measured gzipped (level 9, as the server sends them).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  initialJsGzipKb: number;
  initialCssGzipKb: number;
  initialFiles: number;
  largestLazyChunkGzipKb: number;
}

export function webBundleFigures(dir = 'dist/web'): BundleFigures | null {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const html = readFileSync(indexFile, 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const gz = (path: string) => gzipSync(readFileSync(join(dir, path)), { level: 9 }).length / 1024;
  const initial = new Set(refs);
  const lazy = readdirSync(join(dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `/assets/${f}`)
    .filter((f) => !initial.has(f));
  const sum = (ext: string) =>
    [...initial].filter((f) => f.endsWith(ext)).reduce((total, f) => total + gz(f), 0);
  return {
    initialJsGzipKb: Math.round(sum('.js') * 10) / 10,
    initialCssGzipKb: Math.round(sum('.css') * 10) / 10,
    initialFiles: initial.size,
    largestLazyChunkGzipKb: Math.round(Math.max(0, ...lazy.map(gz)) * 10) / 10,
  };
}
