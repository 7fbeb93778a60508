import type { BenchEntry, BenchFn } from './registry';

export interface BenchResult {
  name: string;
  subjectMs: number;
  baselineMs: number;
  ratio: number;
  /** Fastest and slowest timed batch of each side: the spread behind the medians. */
  subjectRange: [number, number];
  baselineRange: [number, number];
  target: number;
  pass: boolean;
  /** Set when the entry's own figures were judged instead of the batch medians. */
  basis?: string;
}

async function batch(fn: BenchFn, iterations: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const pending = fn();
    if (pending) await pending;
  }
  return Number(process.hrtime.bigint() - start) / 1e6 / iterations;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Warm-up on both sides, then interleaved batches (alternating which goes first), then medians. */
export async function runBench(entry: BenchEntry): Promise<BenchResult> {
  const instance = await entry.setup();
  try {
    await batch(instance.baseline, entry.iterations);
    await batch(instance.subject, entry.iterations);
    const subjectTimes: number[] = [];
    const baselineTimes: number[] = [];
    const repetitions = entry.repetitions ?? 11;
    for (let r = 0; r < repetitions; r++) {
      if (r % 2 === 0) {
        baselineTimes.push(await batch(instance.baseline, entry.iterations));
        subjectTimes.push(await batch(instance.subject, entry.iterations));
      } else {
        subjectTimes.push(await batch(instance.subject, entry.iterations));
        baselineTimes.push(await batch(instance.baseline, entry.iterations));
      }
    }
    const own = await instance.judged?.();
    const subjectMs = own?.subjectMs ?? median(subjectTimes);
    const baselineMs = own?.baselineMs ?? median(baselineTimes);
    const ratio = subjectMs / baselineMs;
    const range = (v: number[]): [number, number] => [Math.min(...v), Math.max(...v)];
    return {
      name: entry.name,
      subjectMs,
      baselineMs,
      ratio,
      subjectRange: range(subjectTimes),
      baselineRange: range(baselineTimes),
      target: entry.targetRatio,
      pass: ratio <= entry.targetRatio,
      basis: own?.basis,
    };
  } finally {
    await instance.teardown?.();
  }
}

export function formatResult(r: BenchResult): string {
  const ms = (v: number) => `${v.toFixed(3)} ms`;
  return [
    r.name.padEnd(44),
    `subject ${ms(r.subjectMs).padStart(11)}`,
    `baseline ${ms(r.baselineMs).padStart(11)}`,
    `ratio ${r.ratio.toFixed(2).padStart(6)}`,
    `target ≤ ${r.target.toFixed(2)}`,
    r.pass ? 'PASS' : 'OVER',
    r.basis
      ? `(${r.basis}; per-call batch times: subject ${r.subjectRange.map((v) => v.toFixed(0)).join('–')} ms, baseline ${r.baselineRange.map((v) => v.toFixed(0)).join('–')} ms)`
      : `(subject ${r.subjectRange.map((v) => v.toFixed(0)).join('–')} ms, baseline ${r.baselineRange.map((v) => v.toFixed(0)).join('–')} ms)`,
  ].join('  ');
}
