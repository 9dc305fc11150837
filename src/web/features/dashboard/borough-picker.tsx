import { BOROUGHS } from '../../lib/format';

/** Where the instructor teaches in person: boroughs by slug (the API also takes neighbourhood slugs). */
export function BoroughPicker({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (slugs: string[]) => void;
  error?: string;
}) {
  return (
    <fieldset className="space-y-2" aria-describedby={error ? 'borough-picker-error' : undefined}>
      <legend className="text-sm font-medium text-slate-700">Boroughs you teach in</legend>
      <div className="flex flex-wrap gap-3">
        {BOROUGHS.map((b) => (
          <label key={b.slug} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={value.includes(b.slug)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, b.slug] : value.filter((s) => s !== b.slug))
              }
            />
            {b.name}
          </label>
        ))}
      </div>
      {error && (
        <p id="borough-picker-error" className="text-sm text-rose-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
