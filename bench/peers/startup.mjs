// One engine's start-up, in a fresh Node process (run by bench_peers.mjs):
//   node bench/peers/startup.mjs ENGINE   prints {"ready_ms": …, "first_ms": …}
// ready_ms: from this script's start to a ready engine (its module imported, its rules read and
// loaded); first_ms: the first evaluation after that.
const t0 = performance.now();
const { dirname, join, resolve } = await import('node:path');
const { fileURLToPath } = await import('node:url');
const here = dirname(fileURLToPath(import.meta.url));
const mod = await import(join(here, `${process.argv[2]}.mjs`));
const engine = await mod.setup({ root: resolve(here, '..', '..'), startup: true });
const t1 = performance.now();
const facts = { nationality: 'US', purpose: 'tourism', entries: 'single', age: 34, accompanied: true, host_covers_medical: false, eu_category: 'none' };
await engine.evaluate(engine.prepare(facts));
const t2 = performance.now();
process.stdout.write(`${JSON.stringify({ ready_ms: t1 - t0, first_ms: t2 - t1 })}\n`);
