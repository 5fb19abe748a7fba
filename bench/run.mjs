#!/usr/bin/env node
// `make bench`: runs every benchmark and prints ONE table, with the budgets of DESIGN.md beside
// the measured values. Every figure comes from this run; nothing is read from an earlier one.
//
//   node bench/run.mjs [--native-bin PATH] [--quick]
//
// Steps (each a child process printing JSON; progress goes to stderr):
//   1. bench/scale_rules.mjs: the default bundle with 676 countries (x1), and scaled 10x and 100x
//      in countries and records; each must pass `eligibility validate-rules`.
//   2. bench/native (eligibility_bench): the C++ core, parsed profile and JSON in/out.
//   3. bench/node: the WebAssembly engine through the JS API in Node.js.
//   4. bench/browser: the same in headless Chromium, the widget's first question, the download.
//   5. bench/peers: the shared workload in every engine, answers checked equal, then timed.
// --quick: fewer runs and shorter batches, for trying the harness (not for figures).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI, ROOT, nativeDecisions } from './lib/node.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DEFAULT_BUNDLE = join(ROOT, 'build/native/rules/default.json');
const OUT = join(ROOT, 'build/bench');
const quick = process.argv.includes('--quick');
const KB = 1000;  // "150 KB" is read as 150,000 bytes (the stricter reading)

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

function nativeBin() {
  const i = process.argv.indexOf('--native-bin');
  if (i > 0) return resolve(process.argv[i + 1]);
  const candidates = [join(ROOT, 'build/native/bin/eligibility_bench'), join(ROOT, 'build/bench/native/eligibility_bench')]
    .filter((p) => existsSync(p))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!candidates.length) fail('eligibility_bench is not built: run `make bench`');
  return candidates[0];
}

/** Runs a step; its stderr streams through, its stdout is one JSON object (also kept, for
 * digging into, in build/bench/last-run/NAME.json: the table never reads it). */
function step(label, name, command, args) {
  return new Promise((resolveStep) => {
    const started = Date.now();
    console.error(`bench: ${label} …`);
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('exit', (code) => {
      if (code !== 0) fail(`${label} failed (exit ${code})`);
      let parsed;
      try {
        parsed = JSON.parse(out);
      } catch {
        fail(`${label}: its output is not JSON: ${out.slice(0, 400)}`);
      }
      parsed.seconds = (Date.now() - started) / 1000;
      mkdirSync(join(OUT, 'last-run'), { recursive: true });
      writeFileSync(join(OUT, 'last-run', `${name}.json`), `${JSON.stringify(parsed, null, 1)}\n`);
      resolveStep(parsed);
    });
  });
}

// --- formatting -------------------------------------------------------------------------------

const us = (v) => (v === undefined || v === null ? '-' : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const ms = (v) => (v === undefined || v === null ? '-' : v.toFixed(1));
const kb = (bytes) => (bytes / KB).toFixed(1);
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(a / b < 10 ? 2 : 1)}x` : '-');
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

/** Plain text table: first column left-aligned, the others right-aligned unless marked '<'. */
function table(header, rows, align = []) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c)));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => {
    const left = i === 0 || align[i] === '<';
    return left ? c.padEnd(widths[i]) : c.padStart(widths[i]);
  }).join('  ').trimEnd();
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

function gitState() {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  if (head.status !== 0) return 'not a git checkout';
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' });
  return `git ${head.stdout.trim()}${dirty.stdout.trim() ? ' with uncommitted changes' : ''}`;
}

function cpuModel() {
  try {
    const m = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  } catch { /* not Linux */ }
  return cpus()[0]?.model ?? 'unknown CPU';
}

// --- the run ----------------------------------------------------------------------------------

async function main() {
  const startedAt = new Date();
  const loadStart = loadavg();
  const profiles = JSON.parse(readFileSync(join(HERE, 'profiles.json'), 'utf8'));
  const runs = quick ? 3 : 7;
  const minMs = quick ? 10 : 50;

  // 1. Scaled rules, validated.
  const scaled = {};
  for (const factor of [1, 10, 100]) {
    const file = join(OUT, `rules-x${factor}.json`);
    const made = spawnSync(process.execPath, [join(HERE, 'scale_rules.mjs'), String(factor), DEFAULT_BUNDLE, file], { encoding: 'utf8' });
    if (made.status !== 0) fail(`scale_rules ${factor}: ${made.stderr}`);
    const check = spawnSync(CLI, ['validate-rules', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (check.status !== 0) fail(`${relative(ROOT, file)} does not validate: ${check.stdout.slice(0, 600)}`);
    scaled[factor] = { file, ...JSON.parse(made.stdout) };
  }
  const defaultCounts = (() => {
    const b = JSON.parse(readFileSync(DEFAULT_BUNDLE, 'utf8'));
    const v = b.services.find((s) => s.service === 'visa');
    return {
      version: b.version, bytes: statSync(DEFAULT_BUNDLE).size, countries: b.countries.countries.length,
      lists: v.lists.length, verdicts: v.verdicts.length, fees: v.fees.length, waivers: v.waivers.length, documents: v.documents.length,
    };
  })();

  // 2. Native.
  const native = await step('native (C++ core)', 'native', nativeBin(), [
    '--runs', String(runs), '--min-ms', String(minMs), join(HERE, 'profiles.json'),
    `default=${DEFAULT_BUNDLE}`, `x1=${scaled[1].file}`, `x10=${scaled[10].file}`, `x100=${scaled[100].file}`,
  ]);
  // Every scale must give the same decisions (only rules_version differs), and the default
  // bundle read from its file the CLI's decisions.
  const strip = (text) => text.replace(/"rules_version":"[^"]*"/, '"rules_version":""');
  const byName = Object.fromEntries(native.bundles.map((b) => [b.name, b]));
  const cliLines = nativeDecisions(profiles);
  byName.default.profiles.forEach((p, i) => {
    if (p.decision !== cliLines[i]) fail(`native: ${p.name}: the default bundle's decision is not the CLI's`);
  });
  for (const b of native.bundles) {
    b.profiles.forEach((p, i) => {
      if (strip(p.decision) !== strip(byName.default.profiles[i].decision)) {
        fail(`native: ${p.name}: the ${b.name} rules decide differently from the default rules:\n  ${p.decision.slice(0, 500)}\n  ${byName.default.profiles[i].decision.slice(0, 500)}`);
      }
    });
  }

  // 3-5.
  const node = await step('WebAssembly in Node.js', 'node', process.execPath, [join(HERE, 'node/bench_node.mjs'), '--runs', String(runs), '--min-ms', String(minMs), '--startup-runs', quick ? '3' : '7']);
  const browser = await step('WebAssembly and the widget in Chromium', 'browser', process.execPath, [join(HERE, 'browser/bench_browser.mjs'), '--loads', quick ? '3' : '11', '--runs', String(runs), '--min-ms', String(minMs)]);
  const peers = await step('peer workload', 'peers', process.execPath, [join(HERE, 'peers/bench_peers.mjs'), '--runs', String(runs), '--min-ms', String(quick ? 20 : 100), '--startup-runs', quick ? '3' : '5']);
  const loadEnd = loadavg();

  // --- the table ------------------------------------------------------------------------------
  const out = [];
  const say = (s = '') => out.push(s);
  const budgets = [];
  const budget = (what, measured, limit, ok) => budgets.push([what, measured, limit, verdict(ok)]);

  say(`consular-eligibility: make bench, ${startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC${quick ? '  (--quick: NOT for figures)' : ''}`);
  say(`machine: ${cpuModel()}, ${cpus().length} cores; Node ${process.version}; Chromium ${browser.chromium}; load average ${loadStart[0].toFixed(2)} at start, ${loadEnd[0].toFixed(2)} at end`);
  say(`code: ${gitState()}; rules ${defaultCounts.version}; profiles: bench/profiles.json; every figure is a median`);
  say();

  // A. Native.
  say(`A. Native C++ core (Release build), µs per evaluation: median of ${native.runs} runs, each >= ${native.min_ms_per_run} ms of back-to-back calls`);
  say('   parsed = eligibility::evaluate() on a profile parsed beforehand; json = Engine::evaluate_view(), JSON text in and out');
  const scales = ['default', 'x1', 'x10', 'x100'];
  const nativeRows = [];
  for (const [i, p] of profiles.entries()) {
    for (const mode of ['parsed', 'json']) {
      const vals = scales.map((s) => byName[s].profiles[i][mode].median_us);
      nativeRows.push([mode === 'parsed' ? p.label : '', mode, ...vals.map(us), ratio(vals[2], vals[0]), ratio(vals[3], vals[0])]);
    }
  }
  say(table(['profile', 'path', 'default', 'x1', 'x10', 'x100', 'x10/def', 'x100/def'], nativeRows, [, '<']));
  const c = (s) => scaled[s];
  say(`   default: ${defaultCounts.countries} countries; visa: ${defaultCounts.lists} lists, ${defaultCounts.verdicts} verdicts, ${defaultCounts.fees} fees, ${defaultCounts.waivers} waivers, ${defaultCounts.documents} documents; ${kb(defaultCounts.bytes)} KB; load ${ms(byName.default.load_ms)} ms`);
  for (const s of [1, 10, 100]) {
    say(`   x${s}: ${c(s).countries} countries; visa: ${c(s).lists} lists, ${c(s).verdicts} verdicts (${c(s).agreements} agreements), ${c(s).fees} fees, ${c(s).waivers} waivers, ${c(s).documents} documents; ${kb(c(s).bytes)} KB; load ${ms(byName[`x${s}`].load_ms)} ms`);
  }
  say('   Countries are two-letter codes, so the scaled tables stop at 676 countries (x1 = 676 countries and the default records:');
  say('   the cost of the country table alone); records grow 10x and 100x. The copies never name the profiles\' nationalities:');
  say('   every scale gives the same decision (checked), so the growth is the cost of the larger tables alone.');
  const fullIdx = profiles.map((p, i) => (p.full_decision ? i : -1)).filter((i) => i >= 0);
  const worstParsed = Math.max(...fullIdx.map((i) => byName.default.profiles[i].parsed.median_us));
  budget('native evaluate, parsed profile, full decision (worst profile)', `${us(worstParsed)} µs`, '<= 2 µs', worstParsed <= 2);
  // DESIGN.md: "Cost must not grow with the number of countries in the tables beyond log n." The
  // table's size n is its countries and the visa service's records; x100 against the default may
  // cost at most log n(x100) / log n(default) as much (worst visa profile, parsed path).
  const tableSize = (k) => k.countries + k.verdicts + k.fees + k.waivers + k.documents;
  const logBound = Math.log(tableSize(c(100))) / Math.log(tableSize(defaultCounts));
  const visaIdx = profiles.map((p, i) => (p.profile.service === 'visa' ? i : -1)).filter((i) => i >= 0);
  const growth = Math.max(...visaIdx.map((i) => byName.x100.profiles[i].parsed.median_us / byName.default.profiles[i].parsed.median_us));
  say(`   cost growth: table size n = countries + visa records, ${tableSize(defaultCounts)} (default) and ${tableSize(c(100))} (x100); log n grows ${logBound.toFixed(2)}x`);
  budget('native evaluate: growth from default to x100 tables (worst visa profile)', `${growth.toFixed(2)}x`, `<= ${logBound.toFixed(2)}x (log n)`, growth <= logBound);
  say();

  // B. WebAssembly through the JS API.
  say(`B. WebAssembly through the JS API, µs per call: median of ${runs} batches, each >= ${minMs} ms (Chromium's clock ticks every 100 µs)`);
  say('   evaluate = object in, decision object out; evaluateText = object in, JSON text out; "from text" = evaluateText given JSON text');
  const wasmRows = profiles.map((p, i) => {
    const n = node.profiles[i];
    const b = browser.engine.profiles[i];
    return [p.label, us(n.evaluate.median_us), us(n.evaluateText.median_us), us(n.evaluateTextFromText.median_us),
      us(b.evaluate.median_us), us(b.evaluateText.median_us), us(b.evaluateTextFromText.median_us),
      us(byName.default.profiles[i].json.median_us)];
  });
  say(table(['profile', 'Node evaluate', 'evaluateText', 'from text', 'Chromium evaluate', 'evaluateText', 'from text', 'native json'], wasmRows));
  say('   Every profile\'s evaluateText() was byte for byte the native CLI\'s decision, and evaluate() that text parsed, in Node and in Chromium.');
  const worstChromium = Math.max(...fullIdx.map((i) => browser.engine.profiles[i].evaluate.median_us));
  budget('Chromium evaluate() through the JS API, full decision (worst profile)', `${us(worstChromium)} µs`, '<= 20 µs', worstChromium <= 20);
  say();
  const st = browser.engine.startup;
  const w = browser.widget;
  say('   start-up (fresh process / fresh browser context each time; median):');
  say(table(['', 'ms', 'runs', 'budget'], [
    ['Node: import(engine.mjs) to createEngine() resolved', ms(node.startup.median_ms), node.startup.runs, ''],
    ['Chromium bench page: script start to createEngine() resolved', ms(st.script_to_ready_median_ms), st.loads, '<= 100 ms'],
    ['  (navigation start to that script start)', ms(st.navigation_to_script_median_ms), st.loads, ''],
    ...st.variants.map((v) => [`  the same with ${v.label}`, ms(v.script_to_ready_median_ms), v.loads, '']),
    ['Chromium /visa.html: navigation start to first question on screen', ms(w.navigation_to_frame_median_ms), w.loads, ''],
    ['Chromium /visa.html: widget script start to first question on screen', ms(w.script_to_frame_median_ms), w.loads, '<= 100 ms'],
  ]));
  say('   The bench page calls createEngine() with its default options (every service\'s rules); the widget asks only for its service.');
  budget('Chromium: script start to ready engine (bench page, createEngine())', `${ms(st.script_to_ready_median_ms)} ms`, '<= 100 ms', st.script_to_ready_median_ms <= 100);
  budget('Chromium: widget script start to first question (DESIGN.md "usable widget")', `${ms(w.script_to_frame_median_ms)} ms`, '<= 100 ms', w.script_to_frame_median_ms <= 100);
  say();

  // C. Download.
  say('C. First visit to /visa.html: every response until the first question is on screen (decoded bytes, and gzip -9 of each)');
  const cats = ['wasm', 'engine JS', 'widget JS', 'widget CSS', 'rules', 'page/other'];
  const files = w.download.files;
  const sum = (list, key) => list.reduce((s, f) => s + f[key], 0);
  const dlRows = cats.map((cat) => {
    const list = files.filter((f) => f.category === cat);
    return [cat, list.length, sum(list, 'raw'), sum(list, 'gzip'), list.map((f) => f.url.replace('/consular-eligibility/', '')).join(' ')];
  });
  const counted = files.filter((f) => f.category !== 'page/other');
  dlRows.push(['first visit (all but page/other)', counted.length, sum(counted, 'raw'), sum(counted, 'gzip'), '']);
  say(table(['category', 'count', 'raw bytes', 'gzip bytes', 'which'], dlRows, [, , , , '<']));
  if (w.download.after_first_question.length) {
    say(`   after the first question: ${w.download.after_first_question.map((f) => `${f.url} (${f.raw} B)`).join(', ')}`);
  }
  say('   page/other (the embassy page, its stylesheet, its icon) is the host\'s, not the widget\'s, and is not counted.');
  const wasmGzip = sum(files.filter((f) => f.category === 'wasm'), 'gzip');
  budget('first-visit download, gzip (wasm+engine JS+widget JS+CSS+rules)', `${kb(sum(counted, 'gzip'))} KB`, '<= 150 KB', sum(counted, 'gzip') <= 150 * KB);
  budget('wasm download, gzip', `${kb(wasmGzip)} KB`, '<= 100 KB', wasmGzip <= 100 * KB);
  say();

  // D. Peers.
  const e = peers.engines;
  say(`D. Peer workload in Node ${process.version}: ${peers.profiles} seeded profiles, every engine's answers checked equal (${peers.outcomes.length} distinct outcomes);`);
  say(`   µs per evaluation = median of ${runs} runs, each whole passes over the profiles lasting >= ${quick ? 20 : 100} ms; ratio = ours / peer (below 1: we are faster / smaller)`);
  const ours = e.ours;
  const peerIds = ['json-logic', 'json-rules-engine', 'zen'];
  const peerRows = ['plain', 'ours', ...peerIds].map((id) => {
    const x = e[id];
    const name = id === 'plain' ? 'plain JS function (the floor)' : id === 'ours' ? 'ours (wasm, engine.evaluate)' : `${x.name} ${x.version}`;
    const call = id === 'zen' ? `${x.timing.variant}${x.async ? ', awaited' : ''}` : x.async ? 'awaited' : '';
    return [name, us(x.timing.median_us), id === 'ours' ? '' : ratio(ours.timing.median_us, x.timing.median_us), ms(x.startup.median_ms),
      x.download.raw, x.download.gzip, id === 'ours' ? '' : ratio(ours.download.gzip, x.download.gzip), call];
  });
  say(table(['engine', 'µs/eval', 'ours/peer', 'ready ms', 'raw bytes', 'gzip bytes', 'ours/peer', 'notes'], peerRows, [, , , , , , , '<']));
  say(`   ready ms: a fresh Node process, script start to an engine with its rules loaded (median of ${e.ours.startup.runs}).`);
  say(`   Download = the code a browser needs + the rules as minified JSON. ZEN: the other call (${e.zen.timing.other.variant}) took ${us(e.zen.timing.other.median_us)} µs.`);
  for (const id of peerIds) {
    budget(`peer workload: faster than ${e[id].name}`, `${us(ours.timing.median_us)} vs ${us(e[id].timing.median_us)} µs`, 'ours < peer', ours.timing.median_us < e[id].timing.median_us);
  }
  for (const id of peerIds) {
    budget(`peer workload: smaller download than ${e[id].name}`, `${kb(ours.download.gzip)} vs ${kb(e[id].download.gzip)} KB gzip`, 'ours < peer', ours.download.gzip < e[id].download.gzip);
  }
  say();

  say('E. Budgets (DESIGN.md "Budgets" and the issue); KB = 1000 bytes');
  say(table(['budget', 'measured', 'limit', 'result'], budgets, [, '>', '<', '<']));
  say();
  say('Notes');
  say(' - Nothing here is read from an earlier run: every figure above was measured by this `make bench`.');
  say(' - The machine is shared (2 cores): a busy neighbour inflates times; the load average above says how busy it was.');
  say(' - ZEN: @gorules/zen-engine-wasm 0.23.1 evaluates ZEN expressions only (no decision graphs or decision tables in');
  say('   the browser package), so its rules are a JDM expression node, one expression per output, evaluated synchronously.');
  say(' - Peers are shipped unminified (json-rules-engine\'s Babel output, json-logic-js\'s source); a bundler with a minifier');
  say('   would make their code smaller. Our wasm holds the whole engine, whichever rules it runs.');
  say(' - Our figures include the profile crossing into WebAssembly as JSON and a full decision object built from its tape');
  say('   (citations, totals, trace); the peers return only the fields of the shared answer.');
  say(`Run time: ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s (native ${native.seconds.toFixed(0)} s, Node ${node.seconds.toFixed(0)} s, Chromium ${browser.seconds.toFixed(0)} s, peers ${peers.seconds.toFixed(0)} s).`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
