/**
 * A tiny bench registry. Each entry compares a subject with a baseline doing the same essential
 * work the cheapest possible way, in the same process and run, so machine speed cancels out and
 * only the ratio is judged. Add entries in `entries/*.ts` by calling `registerBench`; run.ts
 * imports every file there.
 */
export type BenchFn = () => void | Promise<void>;

export interface BenchInstance {
  baseline: BenchFn;
  subject: BenchFn;
  /**
   * Figures to judge instead of the batch times, for entries whose subject measures itself more
   * precisely than a call's duration can (keystroke→paint latencies recorded in the page).
   */
  judged?: () => JudgedFigures | Promise<JudgedFigures>;
  teardown?: () => void | Promise<void>;
}

export interface JudgedFigures {
  subjectMs: number;
  baselineMs: number;
  /** What the figures are, printed with the result (e.g. `p95 keystroke→paint`). */
  basis: string;
}

export interface BenchEntry {
  name: string;
  /** PASS when subject median / baseline median ≤ targetRatio. */
  targetRatio: number;
  /** Calls per timed batch; per-call time is the batch time divided by this. */
  iterations: number;
  /** Timed batches per side; the median is reported. */
  repetitions?: number;
  /** Too slow or too big for the default run: runs only when the name filter matches it. */
  onlyByName?: boolean;
  setup: () => BenchInstance | Promise<BenchInstance>;
}

const entries: BenchEntry[] = [];

export function registerBench(entry: BenchEntry): void {
  if (entries.some((e) => e.name === entry.name)) throw new Error(`duplicate bench entry: ${entry.name}`);
  entries.push(entry);
}

export function registeredBenches(): readonly BenchEntry[] {
  return entries;
}
