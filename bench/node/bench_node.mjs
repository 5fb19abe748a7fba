#!/usr/bin/env node
// The WebAssembly engine through its JavaScript API, in Node.js.
//
//   node bench/node/bench_node.mjs [--runs N] [--min-ms MS] [--startup-runs N]
//   ELIGIBILITY_DIST=DIR …   another build of the engine (default build/wasm/dist), to compare builds
//
// - Before any timing, for every profile of bench/profiles.json: engine.evaluateText(profile)
//   must be byte for byte what the native CLI prints for it (`eligibility batch`), and
//   engine.evaluate(profile) must equal that text parsed.
// - µs per call of engine.evaluate(profile object) -> decision object, and of
//   engine.evaluateText(profile object) -> text; also evaluateText(profile text), which shows
//   what is left when the profile is already JSON text. Median over `runs` runs; each run is one
//   batch of calls lasting at least `min-ms`, the runs going round every call and profile in turn
//   (bench/lib/measure.mjs).
// - Start-up: ms from a fresh Node process's script start to a ready engine (engine.mjs imported,
//   createEngine() resolved with its default options), median over `startup-runs` processes
//   (startup.mjs).
// Prints one JSON object on stdout.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { median, timeEvaluations } from '../lib/measure.mjs';
import { AS_OF, ROOT, nativeDecisions, option } from '../lib/node.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = process.env.ELIGIBILITY_DIST || join(ROOT, 'build/wasm/dist');

async function main() {
  const runs = option('--runs', 7);
  const minMs = option('--min-ms', 50);
  const startupRuns = option('--startup-runs', 7);
  const profiles = JSON.parse(readFileSync(join(HERE, '..', 'profiles.json'), 'utf8'));

  const native = nativeDecisions(profiles);  // the reference

  const { createEngine } = await import(pathToFileURL(join(DIST, 'engine.mjs')).href);
  const engine = await createEngine({ asOf: AS_OF });

  const results = [];
  for (const [i, p] of profiles.entries()) {
    const text = engine.evaluateText(p.profile);
    if (text !== native[i]) {
      console.error(`node: ${p.name}: evaluateText differs from the native CLI\n  wasm:   ${text.slice(0, 600)}\n  native: ${native[i].slice(0, 600)}`);
      process.exit(1);
    }
    const decision = engine.evaluate(p.profile);
    if (!isDeepStrictEqual(decision, JSON.parse(native[i]))) {
      console.error(`node: ${p.name}: evaluate() is not the native decision`);
      process.exit(1);
    }
    if (decision.status === 'error') {
      console.error(`node: ${p.name}: the engine answers an error: ${text.slice(0, 600)}`);
      process.exit(1);
    }
    results.push({ name: p.name, status: decision.status, decision_bytes: Buffer.byteLength(text) });
  }
  // Every call on every profile timed in turn (measureInTurn).
  const timings = await timeEvaluations(engine, profiles.map((p) => p.profile), { runs, minMs });
  for (const [i, p] of profiles.entries()) {
    const { evaluate, evaluateText, evaluateTextFromText } = timings[i];
    console.error(`node: ${p.name.padEnd(18)} evaluate ${evaluate.median_us.toFixed(2)} µs  evaluateText ${evaluateText.median_us.toFixed(2)} µs  (from text ${evaluateTextFromText.median_us.toFixed(2)} µs)`);
    Object.assign(results[i], timings[i]);
  }

  const startup = [];
  const first = [];
  for (let r = 0; r < startupRuns; r++) {
    const run = spawnSync(process.execPath, [join(HERE, 'startup.mjs')], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`startup.mjs: ${run.stderr}`);
    const got = JSON.parse(run.stdout);
    startup.push(got.ready_ms);
    first.push(got.first_ms);
  }
  console.error(`node: import to ready engine ${median(startup).toFixed(1)} ms (median of ${startup.length} processes)`);
  process.stdout.write(`${JSON.stringify({
    node: process.version,
    profiles: results,
    startup: { median_ms: median(startup), all_ms: startup, first_evaluate_median_ms: median(first), runs: startup.length },
  })}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
