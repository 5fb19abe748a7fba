#!/usr/bin/env node
// The peer workload in Node: every engine answers every profile, all answers are checked equal
// (normalised to one shape), and only then is each engine timed.
//
//   node bench/peers/bench_peers.mjs [--profiles N] [--runs N] [--min-ms MS] [--startup-runs N]
//
// Timing: µs per evaluation = the median over `runs` runs of one batch each; a batch is a whole
// number of passes over the profiles (each input prepared beforehand in the engine's own input
// form), long enough to last at least `min-ms`. Asynchronous engines are awaited call by call.
// The runs go round the engines in turn (run 1 of each, then run 2, …).
// Start-up: ms from the start of a fresh Node process's script to a ready engine (module imported,
// rules loaded), the median over `startup-runs` processes.
// Download: each engine's files that a browser would need, and its rules as minified JSON, raw and
// gzip -9.
// Prints one JSON object on stdout; exits 1 (after printing the first disagreement) if any engine
// disagrees with the others on any profile.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { measureInTurn, median } from '../lib/measure.mjs';
import { ROOT, option } from '../lib/node.mjs';
import { canonical, coverage, makeProfiles } from './workload.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ENGINES = ['plain', 'ours', 'json-logic', 'json-rules-engine', 'zen'];

function sizes(entries) {
  return entries.map(({ label, role, bytes }) => ({
    label, role, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length,
  }));
}

function downloadOf(engine) {
  const entries = engine.files.map((f) => ({ label: relative(ROOT, f.path), role: f.role, bytes: readFileSync(f.path) }));
  if (engine.rulesText !== null) entries.push({ label: 'rules (minified JSON)', role: 'rules', bytes: Buffer.from(engine.rulesText) });
  const files = sizes(entries);
  return { files, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

async function main() {
  const count = option('--profiles', 1200);
  const runs = option('--runs', 7);
  const minMs = option('--min-ms', 100);
  const startupRuns = option('--startup-runs', 5);
  const profiles = makeProfiles(count);

  const engines = {};
  for (const id of ENGINES) {
    const mod = await import(join(HERE, `${id}.mjs`));
    engines[id] = { id, ...(await mod.setup({ root: ROOT })) };
  }
  // ZEN offers two ways to evaluate; both are checked, and the faster is its figure.
  const zenVariable = { id: 'zen', ...(await (await import(join(HERE, 'zen.mjs'))).setup({ root: ROOT, variant: 'Variable' })) };

  // 1. Every engine's answer to every profile, checked equal to the plain function's.
  const all = [...Object.values(engines), zenVariable];
  const answers = new Map(all.map((e) => [e, []]));
  for (const e of all) {
    for (let i = 0; i < profiles.length; i++) {
      let got;
      try {
        got = canonical(e.normalise(await e.evaluate(e.prepare(profiles[i]))));
      } catch (err) {
        console.error(`peers: ${e.name}${e.variant ? ` (${e.variant})` : ''} failed on profile ${i} ${JSON.stringify(profiles[i])}: ${err.message}`);
        process.exit(1);
      }
      answers.get(e).push(got);
    }
  }
  const reference = answers.get(engines.plain);
  for (const e of all) {
    const mine = answers.get(e);
    for (let i = 0; i < profiles.length; i++) {
      const a = JSON.stringify(reference[i]);
      const b = JSON.stringify(mine[i]);
      if (a !== b) {
        console.error(`peers: DISAGREEMENT on profile ${i}: ${JSON.stringify(profiles[i])}`);
        console.error(`  plain JS: ${a}`);
        console.error(`  ${e.name}${e.variant ? ` (${e.variant})` : ''}: ${b}`);
        process.exit(1);
      }
    }
  }
  const cases = coverage(reference);
  console.error(`peers: ${all.length} engines agree on all ${profiles.length} profiles (${cases.length} distinct outcomes)`);

  // 2. Timing: every engine sized and warmed up alone, then the runs in turn (measureInTurn), so
  // that the ratios compare engines timed in the same moments.
  const timed = [...Object.values(engines), zenVariable];
  const results = await measureInTurn(timed.map((e) => {
    const inputs = profiles.map(e.prepare);
    const n = inputs.length;
    return { fn: (i) => e.evaluate(inputs[i % n]), async: Boolean(e.async) };
  }), { runs, minMs, unit: profiles.length });
  for (const [k, e] of timed.entries()) {
    console.error(`peers: ${e.name}${e.variant ? ` (${e.variant})` : ''}: ${results[k].median_us.toFixed(2)} µs per evaluation`);
  }
  const timing = {};
  for (const [k, e] of Object.values(engines).entries()) timing[e.id] = results[k];
  const zenTop = timing.zen;
  const zenVar = results[timed.length - 1];
  timing.zen = zenVar.median_us < zenTop.median_us ? { ...zenVar, variant: 'Variable' } : { ...zenTop, variant: 'evaluateExpression' };
  timing.zen.other = zenVar.median_us < zenTop.median_us
    ? { variant: 'evaluateExpression', median_us: zenTop.median_us }
    : { variant: 'Variable', median_us: zenVar.median_us };

  // 3. Start-up in fresh processes.
  const startup = {};
  for (const id of ENGINES) {
    const ms = [];
    for (let r = 0; r < startupRuns; r++) {
      const run = spawnSync(process.execPath, [join(HERE, 'startup.mjs'), id], { cwd: ROOT, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`startup ${id}: ${run.stderr}`);
      ms.push(JSON.parse(run.stdout).ready_ms);
    }
    startup[id] = { median_ms: median(ms), runs: ms.length, all_ms: ms };
  }

  const report = {
    profiles: profiles.length,
    outcomes: cases,
    engines: Object.fromEntries(Object.values(engines).map((e) => [e.id, {
      name: e.name,
      version: e.version,
      async: Boolean(e.async),
      timing: timing[e.id],
      startup: startup[e.id],
      download: downloadOf(e),
    }])),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
