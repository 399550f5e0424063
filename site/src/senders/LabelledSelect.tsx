// A labelled drop-down for the sender pages' pickers (domain, period, the what-if fields). The label names the
// select by id rather than by wrapping it, so its accessible name is the label alone, not the label and the choice.
import { useId } from 'preact/hooks';
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
  const id = useId();
  return (
    <div class="flex flex-col text-sm">
      <label class="font-medium" for={id}>
        {label}
      </label>
      <select
        id={id}
        class={inputClass}
        value={value}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value as T)}
      >
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
