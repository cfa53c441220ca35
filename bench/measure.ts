// Timing helpers for the benchmark: percentiles over many runs, after a warm-up so the figures
// describe a process that has been serving (the JIT has compiled the hot paths), not its first seconds.

export interface Latency {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export function summarize(samples: number[]): Latency {
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((sum, sample) => sum + sample, 0) / samples.length;
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), max: samples.at(-1)!, mean };
}

/**
 * Milliseconds per call of `run` over every text, `rounds` times, after a warm-up: untimed calls
 * until 5,000 have run or three seconds have passed, whichever comes first. Without it the p99
 * measures V8 compiling the hot paths (a few milliseconds, now and then, for the first thousand
 * or so questions), which a serving process does once.
 */
export function timeEach(run: (text: string) => unknown, texts: readonly string[], rounds: number, warmUpCalls = 5000): Latency {
  const warmUpEnd = performance.now() + 3000;
  for (let calls = 0; calls < warmUpCalls && performance.now() < warmUpEnd; calls++) run(texts[calls % texts.length]!);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const text of texts) {
      const start = process.hrtime.bigint();
      run(text);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return summarize(samples);
}

export const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
