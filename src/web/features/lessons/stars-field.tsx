/** One to five stars as radio buttons: the student's review and the instructor's feedback share it. */
export function StarsField({
  name,
  value,
  onChange,
  legend = 'Stars',
}: {
  name: string;
  value: number;
  onChange: (stars: number) => void;
  legend?: string;
}) {
  return (
    <fieldset className="flex gap-2">
      <legend className="sr-only">{legend}</legend>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} className="flex items-center gap-1 text-sm">
          <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
          {n}★
        </label>
      ))}
    </fieldset>
  );
}
