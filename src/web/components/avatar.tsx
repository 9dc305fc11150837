import { photoUrlAtSize } from '../api/contracts';

/** Tailwind pairs with AA contrast for the initials; listed whole so the build keeps them. */
const PALETTE = [
  'bg-indigo-100 text-indigo-800',
  'bg-emerald-100 text-emerald-800',
  'bg-amber-100 text-amber-900',
  'bg-rose-100 text-rose-800',
  'bg-sky-100 text-sky-800',
  'bg-violet-100 text-violet-800',
  'bg-teal-100 text-teal-800',
  'bg-orange-100 text-orange-900',
] as const;

const SIZES = {
  sm: { box: 'size-10 text-sm', px: 40 },
  md: { box: 'size-14 text-lg', px: 56 },
  lg: { box: 'size-20 text-2xl', px: 80 },
  xl: { box: 'size-32 text-4xl', px: 128 },
} as const;

/** "Ada L." → "AL"; one word → its first letter. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** The same person always gets the same colour: a small hash of their id picks it. */
export function paletteIndex(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % PALETTE.length;
}

/**
 * A person's profile photo, or when they have none a placeholder with their initials in a colour
 * of their own. The photo's alt names the person; the placeholder is decorative (the name is beside it).
 */
export function Avatar({
  id,
  name,
  photoUrl,
  size = 'md',
}: {
  id: string;
  name: string;
  photoUrl: string | null;
  size?: keyof typeof SIZES;
}) {
  const s = SIZES[size];
  if (photoUrl) {
    const small = photoUrlAtSize(photoUrl, 96);
    const large = photoUrlAtSize(photoUrl, 640);
    return (
      <img
        src={s.px <= 48 ? small : photoUrl}
        srcSet={`${small} 96w, ${photoUrl} 256w, ${large} 640w`}
        sizes={`${s.px}px`}
        width={s.px}
        height={s.px}
        alt={`Photo of ${name}`}
        loading="lazy"
        decoding="async"
        className={`${s.box} shrink-0 rounded-full bg-slate-100 object-cover`}
      />
    );
  }
  return (
    <span
      aria-hidden
      className={`${s.box} ${PALETTE[paletteIndex(id)]} flex shrink-0 items-center justify-center rounded-full font-bold`}
    >
      {initialsOf(name)}
    </span>
  );
}
