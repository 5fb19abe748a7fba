// Timing shared by the Node and the browser benchmarks.
//
// A figure is the median over `runs` runs; each run times one batch of `n` calls with two
// performance.now() readings, and n is found beforehand by doubling until a batch lasts at least
// `minMs` (in Chromium performance.now() ticks every 100 µs, so a 50 ms batch is read to 0.2 %).
// `unit` makes n a multiple of it (a whole number of passes over a set of profiles). Before that,
// the calls run untimed for `warmupMs` (default: minMs), so that the JIT and WebAssembly tier-up
// have settled. Whatever is compared is timed in turn (measureInTurn): run 1 of each, then run 2,
// and so on, because on these shared machines one build measures up to twice as slow in one
// moment as in the next.

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

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The same for several functions compared with one another: each is warmed up and sized as
 * above, alone; then the runs go round them in turn (run 1 of each, then run 2, …), so that a
 * slow spell of a shared machine falls on all of them alike rather than on whichever was being
 * timed. entries: [{ fn, async }]; returns one summary per entry, in order.
 */
export async function measureInTurn(entries, { runs = 7, minMs = 50, unit = 1, warmupMs = minMs } = {}) {
  const batch = async ({ fn, async }, n) => {
    const t0 = now();
    if (async) for (let i = 0; i < n; i++) sink.last = await fn(i);
    else for (let i = 0; i < n; i++) sink.last = fn(i);
    return now() - t0;
  };
  const sizes = [];
  for (const e of entries) {
    for (let t0 = now(), i = 0; now() - t0 < warmupMs;) sink.last = e.async ? await e.fn(i++) : e.fn(i++);
    let n = unit;
    while (await batch(e, n) < minMs) n *= 2;
    sizes.push(n);
  }
  const perCall = entries.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (const [k, e] of entries.entries()) perCall[k].push(((await batch(e, sizes[k])) * 1000) / sizes[k]);
  }
  return perCall.map((p, k) => summary(p, sizes[k]));
}

/**
 * The engine's three calls on each profile (Node and Chromium alike): evaluate() (object in,
 * object out), evaluateText() (object in, text out) and evaluateText() of the profile's JSON
 * text, all timed in turn. Returns [{ evaluate, evaluateText, evaluateTextFromText }] by profile.
 */
export async function timeEvaluations(engine, profiles, options) {
  const entries = profiles.flatMap((p) => {
    const text = JSON.stringify(p);
    return [{ fn: () => engine.evaluate(p) }, { fn: () => engine.evaluateText(p) }, { fn: () => engine.evaluateText(text) }];
  });
  const r = await measureInTurn(entries, options);
  return profiles.map((_, i) => ({ evaluate: r[3 * i], evaluateText: r[3 * i + 1], evaluateTextFromText: r[3 * i + 2] }));
}
