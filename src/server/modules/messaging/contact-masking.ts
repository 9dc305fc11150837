// Contact details are hidden from a reader until the two people share a confirmed or completed
// lesson (PRODUCT §8), so a first question cannot take the booking off the platform. Applied at
// read time only: the stored message keeps what was written.

export const MASK = '[contact details hidden]';
export const MASKING_EXPLANATION =
  'Email addresses, phone numbers and links are hidden until you have a confirmed lesson together.';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const URL_WITH_SCHEME = /\b(?:https?:\/\/|www\.)[^\s<>"']+/giu;
// Bare domains: only common top-level domains, so "e.g." or "Mr.Smith" stay readable.
const BARE_DOMAIN =
  /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|me|app|ly|us|info|biz|edu|gov|uk|ca|de|fr|gg|tv|link|site|xyz)\b(?:\/[^\s<>"']*)?/giu;
// Ten or more digits with the usual separators (US numbers, international), or 555-1234.
// Dates (8 digits) and prices stay visible.
const PHONE = /(?:\+\s?)?\(?\d(?:[\s().-]{0,2}\d){9,14}|\b\d{3}[\s.-]\d{4}\b/gu;

export function maskContactDetails(text: string): { text: string; masked: boolean } {
  let masked = false;
  const hide = () => {
    masked = true;
    return MASK;
  };
  const out = text
    .replace(EMAIL, hide)
    .replace(URL_WITH_SCHEME, hide)
    .replace(BARE_DOMAIN, hide)
    .replace(PHONE, hide);
  return { text: out, masked };
}
