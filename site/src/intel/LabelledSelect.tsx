// A labelled drop-down for the sender pages' pickers (domain, period, the what-if fields).
import { inputClass } from '../ui/ui';

export function LabelledSelect<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  /** Values with their visible text, in order. */
  options: ReadonlyArray<readonly [value: T, text: string]>;
  onChange: (value: T) => void;
}) {
  return (
    <label class="flex flex-col text-sm">
      <span class="font-medium">{label}</span>
      <select class={inputClass} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value as T)}>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
