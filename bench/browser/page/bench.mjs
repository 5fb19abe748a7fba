// The benchmark page's script: from its first line to a ready engine, through the public API
// only (import engine.mjs, createEngine() with its default options: every service's rules; or as
// the query says: ?services= for none, ?services=visa&languages=en for the visa rules in English,
// as a page about visas would); then, when the driver asks, the answers to check and the timing
// of evaluate() and evaluateText() (bench/lib/measure.mjs).
const scriptStart = performance.now();
const marks = { scriptStart };
window.__bench = { marks };
try {
  const { createEngine } = await import('/consular-eligibility/engine.mjs');
  marks.imported = performance.now();
  const query = new URLSearchParams(location.search);
  const options = {};
  if (query.has('services')) options.services = query.get('services') ? query.get('services').split(',') : [];
  if (query.has('languages')) options.languages = query.get('languages').split(',');
  const engine = await createEngine(options);
  marks.ready = performance.now();
  const { timeEvaluations } = await import('/__bench__/measure.mjs');

  // Deep equality of JSON values, whatever the order of object keys.
  const same = (a, b) => {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same(a[k], b[k]));
  };
  /** Each profile's evaluateText(), and whether evaluate() is that text parsed. */
  window.__bench.answers = (profiles) => profiles.map((p) => {
    const text = engine.evaluateText(p);
    const object = engine.evaluate(p);
    return { text, objectMatches: same(object, JSON.parse(text)) };
  });
  window.__bench.time = (profiles, options) => timeEvaluations(engine, profiles, options);
} catch (err) {
  marks.error = String(err && err.stack || err);
}
marks.done = true;
console.debug('__bench_done');  // the driver waits for this (bench_browser.mjs, BENCH_PAGE_DONE)
