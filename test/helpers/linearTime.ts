// Checks that work grows linearly with its input by timing it at sizes four times apart: linear work takes about 4×
// as long at each step, quadratic work 16×. Ratios of this process's CPU time rather than absolute wall-clock times
// keep the check meaningful on a slow or busy machine, and the sizes are climbed from small to large so that quadratic
// code fails at a small size within seconds instead of running for minutes at the largest one.
import { expect } from 'vitest';

/** Sizes measured by default, in characters or bytes of input, each 4× the one before: the last is the 1 MB worst case. */
export const LINEAR_SIZES = [64 * 1024, 256 * 1024, 1024 * 1024] as const;
/**
 * From 16 KB: for code that was so badly quadratic that 64 KB took many seconds (the check then fails at 64 KB within
 * seconds). Below 64 KB, V8's costs per string are not yet linear for everything, so this is kept for such cases.
 */
export const LINEAR_SIZES_FROM_16K = [16 * 1024, ...LINEAR_SIZES] as const;
/**
 * From 256 KB to 4 MB: for work whose cost per character V8 and the caches still change between 64 KB and 256 KB
 * (tens of thousands of strings, or of nesting levels; even TextDecoder takes several times longer per byte there).
 */
export const LINEAR_SIZES_FROM_256K = [256 * 1024, 1024 * 1024, 4096 * 1024] as const;

/**
 * Largest accepted ratio between the times at two sizes 4× apart. Between linear (4) and quadratic (16), with room
 * for a garbage collection landing in one measurement and for n·log n.
 */
const MAX_STEP_RATIO = 9;
/** Each measurement repeats the work until it has used this much CPU time, so that timer resolution does not matter. */
const MIN_MEASURE_MS = 25;
/** Measurements taken per size; the fastest counts (the others include whatever else the machine was doing). */
const TRIES = 3;

/** Milliseconds of CPU time this process has used (its other threads, the garbage collector's, included). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * The CPU time of one `run`, the fastest of {@link TRIES} measurements; a run that takes longer than `giveUpAfter`
 * is not repeated (quadratic code fails the check with that one run instead of taking minutes).
 */
function measure(run: () => void, giveUpAfter = Infinity): number {
  let fastest = Infinity;
  for (let t = 0; t < TRIES && (t === 0 || fastest <= giveUpAfter); t++) {
    let runs = 0;
    const start = cpuMs();
    let elapsed: number;
    do {
      run();
      runs++;
      elapsed = cpuMs() - start;
    } while (elapsed < MIN_MEASURE_MS);
    fastest = Math.min(fastest, elapsed / runs);
  }
  return fastest;
}

/** Asynchronous work, awaited: timed the same way, one run after another. */
async function measureAsync(run: () => Promise<unknown>, giveUpAfter = Infinity): Promise<number> {
  let fastest = Infinity;
  for (let t = 0; t < TRIES && (t === 0 || fastest <= giveUpAfter); t++) {
    let runs = 0;
    const start = cpuMs();
    let elapsed: number;
    do {
      await run();
      runs++;
      elapsed = cpuMs() - start;
    } while (elapsed < MIN_MEASURE_MS);
    fastest = Math.min(fastest, elapsed / runs);
  }
  return fastest;
}

/** Past this, a measurement is far enough over the limit to fail without being repeated. */
function giveUpAfter(times: number[]): number {
  return times.length === 0 ? Infinity : times[times.length - 1]! * 2 * MAX_STEP_RATIO;
}

function ratioOf(times: number[]): number {
  return times[times.length - 1]! / times[times.length - 2]!;
}

function check(times: number[], what: string, sizes: readonly number[]): void {
  const ratio = ratioOf(times);
  const size = sizes[times.length - 1]!;
  const detail = sizes
    .slice(0, times.length)
    .map((s, i) => `${s / 1024} KB: ${times[i]!.toFixed(2)} ms`)
    .join(', ');
  expect(
    ratio,
    `${what}: ${size / 1024} KB took ${ratio.toFixed(1)}× as long as a quarter of it (${detail})`,
  ).toBeLessThan(MAX_STEP_RATIO);
}

/**
 * Times `run` on `make(size)` for each of {@link LINEAR_SIZES} and fails as soon as one size takes more than
 * {@link MAX_STEP_RATIO} times as long as the one before. `make` runs outside the timing.
 */
export function expectLinear<T>(
  what: string,
  make: (size: number) => T,
  run: (input: T) => unknown,
  sizes: readonly number[] = LINEAR_SIZES,
): void {
  const inputs = sizes.map((size) => make(size));
  // Warm-up: the first calls compile the code under test.
  measure(() => run(inputs[0]!));
  const times: number[] = [];
  for (const [i, input] of inputs.entries()) {
    times.push(measure(() => run(input), giveUpAfter(times)));
    if (i === 0) continue;
    // One step a little over the limit is measured again, both sizes, before it counts: a burst of other work can land
    // in one measurement.
    if (ratioOf(times) >= MAX_STEP_RATIO && ratioOf(times) < 2 * MAX_STEP_RATIO) {
      times[i - 1] = Math.min(
        times[i - 1]!,
        measure(() => run(inputs[i - 1]!)),
      );
      times[i] = Math.min(
        times[i]!,
        measure(() => run(input)),
      );
    }
    check(times, what, sizes);
  }
}

/** {@link expectLinear} for work that returns a promise. */
export async function expectLinearAsync<T>(
  what: string,
  make: (size: number) => T,
  run: (input: T) => Promise<unknown>,
  sizes: readonly number[] = LINEAR_SIZES,
): Promise<void> {
  const inputs = sizes.map((size) => make(size));
  await measureAsync(() => run(inputs[0]!));
  const times: number[] = [];
  for (const [i, input] of inputs.entries()) {
    times.push(await measureAsync(() => run(input), giveUpAfter(times)));
    if (i === 0) continue;
    if (ratioOf(times) >= MAX_STEP_RATIO && ratioOf(times) < 2 * MAX_STEP_RATIO) {
      times[i - 1] = Math.min(times[i - 1]!, await measureAsync(() => run(inputs[i - 1]!)));
      times[i] = Math.min(times[i]!, await measureAsync(() => run(input)));
    }
    check(times, what, sizes);
  }
}

/** `unit` repeated until the text is `size` characters long (cut to exactly `size`). */
export function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}
