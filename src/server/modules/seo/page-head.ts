/** What one public page tells search engines and link previews, before any script runs. */
export interface PageHead {
  title: string;
  description: string;
  /** Absolute address of the page's one canonical URL. */
  canonical: string;
  type: 'website' | 'profile';
  /** A page that answers 404 asks not to be indexed. */
  noindex?: boolean;
}

export const SITE_NAME = 'InstaInstru';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML text node or a double-quoted attribute (names and bios are user input). */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Shortens to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

export function renderHead(h: PageHead): string {
  const e = escapeHtml;
  const lines = [
    `<title>${e(h.title)}</title>`,
    `<meta name="description" content="${e(h.description)}" />`,
    `<link rel="canonical" href="${e(h.canonical)}" />`,
    `<meta property="og:site_name" content="${SITE_NAME}" />`,
    `<meta property="og:type" content="${h.type}" />`,
    `<meta property="og:title" content="${e(h.title)}" />`,
    `<meta property="og:description" content="${e(h.description)}" />`,
    `<meta property="og:url" content="${e(h.canonical)}" />`,
    `<meta name="twitter:card" content="summary" />`,
  ];
  if (h.noindex) lines.push('<meta name="robots" content="noindex" />');
  return lines.join('\n    ');
}

/**
 * Puts a page's head into the built index.html: the build's own title and description are
 * replaced (one of each, or crawlers pick either), everything else is kept as built.
 */
export function injectHead(indexHtml: string, h: PageHead): string {
  const stripped = indexHtml
    .replace(/<title>[\s\S]*?<\/title>\s*/i, '')
    .replace(/<meta\s+name="description"[^>]*>\s*/i, '');
  const at = stripped.search(/<\/head>/i);
  // A head-less page (HTML allows one) gets its tags right after the doctype.
  if (at < 0) return stripped.replace(/^(<!doctype html>)?/i, (d) => `${d}${renderHead(h)}`);
  return `${stripped.slice(0, at)}  ${renderHead(h)}\n  ${stripped.slice(at)}`;
}
