// Timing shared by the Node and the browser benchmarks.
//
// A figure is the median over `runs` runs; each run times one batch of `n` calls with two
// performance.now() readings, and n is found beforehand by doubling until a batch lasts at least
// `minMs` (in Chromium performance.now() ticks every 100 µs, so a 50 ms batch is read to 0.2 %).
// `unit` makes n a multiple of it (a whole number of passes over a set of profiles). Before that,
// the calls run untimed for `warmupMs` (default: minMs), so that the JIT and WebAssembly tier-up
// have settled.

const now = () => performance.now();

// Every result is stored here, so that no optimiser can drop a call whose result is unused.
const sink = { last: null };

function summary(perCall, n) {
  const sorted = [...perCall].sort((a, b) => a - b);
  return {
    median_us: sorted[Math.floor(sorted.length / 2)],
    min_us: sorted[0],
    max_us: sorted[sorted.length - 1],
    iterations: n,
    runs: sorted.length,
  };
}

/** µs per call of fn(i), i = 0 … n-1 (sync). */
export function measure(fn, { runs = 7, minMs = 50, unit = 1, warmupMs = minMs } = {}) {
  for (let t0 = now(), i = 0; now() - t0 < warmupMs;) sink.last = fn(i++);
  let n = unit;
  for (;;) {
    const t0 = now();
    for (let i = 0; i < n; i++) sink.last = fn(i);
    if (now() - t0 >= minMs) break;
    n *= 2;
  }
  const perCall = [];
  for (let r = 0; r < runs; r++) {
    const t0 = now();
    for (let i = 0; i < n; i++) sink.last = fn(i);
    perCall.push(((now() - t0) * 1000) / n);
  }
  return summary(perCall, n);
}

/** The same for a function that returns a promise: each call is awaited before the next. */
export async function measureAsync(fn, { runs = 7, minMs = 50, unit = 1, warmupMs = minMs } = {}) {
  for (let t0 = now(), i = 0; now() - t0 < warmupMs;) sink.last = await fn(i++);
  let n = unit;
  for (;;) {
    const t0 = now();
    for (let i = 0; i < n; i++) sink.last = await fn(i);
    if (now() - t0 >= minMs) break;
    n *= 2;
  }
  const perCall = [];
  for (let r = 0; r < runs; r++) {
    const t0 = now();
    for (let i = 0; i < n; i++) sink.last = await fn(i);
    perCall.push(((now() - t0) * 1000) / n);
  }
  return summary(perCall, n);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
