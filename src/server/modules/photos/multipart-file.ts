import { badRequest } from '../../platform/http/errors.js';

/**
 * The bytes of one file field of a buffered multipart/form-data body (RFC 7578). The upload is a
 * single small file, so the body is already in memory (bounded by the route's limit) and a full
 * streaming parser would add a dependency for nothing. Other fields are ignored.
 */
export function fileFieldOf(body: Buffer, contentType: string, field: string): Buffer {
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) throw badRequest('INVALID_MULTIPART', 'The multipart body names no boundary.');
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The first delimiter may open the body without the CRLF before it.
  const text = Buffer.concat([Buffer.from('\r\n'), body]);
  let at = text.indexOf(delimiter);
  while (at !== -1) {
    const partStart = at + delimiter.length;
    if (text.subarray(partStart, partStart + 2).toString('latin1') === '--') break; // closing delimiter
    const headersEnd = text.indexOf('\r\n\r\n', partStart);
    if (headersEnd === -1) break;
    const next = text.indexOf(delimiter, headersEnd + 4);
    if (next === -1) break;
    const headers = text.subarray(partStart, headersEnd).toString('latin1');
    const disposition = /content-disposition:\s*form-data([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    if (name === field) return text.subarray(headersEnd + 4, next);
    at = next;
  }
  throw badRequest('PHOTO_REQUIRED', `Send the image as the multipart field "${field}".`);
}
