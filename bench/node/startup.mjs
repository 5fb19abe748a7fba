// Start-up of the WebAssembly engine in a fresh Node process (run by bench_node.mjs):
//   node bench/node/startup.mjs   prints {"ready_ms": …, "first_ms": …}
// ready_ms: from just before `import('engine.mjs')` to createEngine() resolved (default options);
// first_ms: the first engine.evaluate() after that (a US tourist's visa profile).
// ELIGIBILITY_DIST (inherited from bench_node.mjs) names another build, as there.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const engineUrl = process.env.ELIGIBILITY_DIST
  ? pathToFileURL(join(process.env.ELIGIBILITY_DIST, 'engine.mjs')).href
  : new URL('../../build/wasm/dist/engine.mjs', import.meta.url).href;
const t0 = performance.now();
const { createEngine } = await import(engineUrl);
const engine = await createEngine();
const t1 = performance.now();
const decision = engine.evaluate({
  service: 'visa', as_of: '2026-11-21',
  facts: { nationality: 'US', passport_type: 'ordinary', purpose: 'tourism', entries: 'single', entry_date: '2026-12-10', stay_days: 10 },
});
const t2 = performance.now();
if (decision.status === 'error') {
  console.error(JSON.stringify(decision));
  process.exit(1);
}
process.stdout.write(`${JSON.stringify({ ready_ms: t1 - t0, first_ms: t2 - t1 })}\n`);
