// A value worth a task of its own to compute (the reporters table's rows of 10,000 reports): computed in one task
// and drawn in the next, so that neither the computing nor the drawing holds the page's main thread for long. The
// draw needs the second task because Preact renders a state change in a microtask, which would add it to the task that
// computed the value.
import { useEffect, useState, type Inputs } from 'preact/hooks';
import { inNextTask } from './nextTask';

/**
 * `compute()`'s value, computed again in a later task whenever `inputs` change. Undefined until the first value is
 * ready; after that the value before stays until the new one is (as Staged keeps the children it drew).
 */
export function useComputedInTask<T>(compute: () => T, inputs: Inputs): T | undefined {
  const [computed, setComputed] = useState<{ value: T } | undefined>(undefined);
  useEffect(() => {
    let current = true;
    inNextTask(() => {
      if (!current) return;
      const value = compute();
      inNextTask(() => {
        if (current) setComputed({ value });
      });
    });
    return () => {
      current = false;
    };
  }, inputs);
  return computed?.value;
}
