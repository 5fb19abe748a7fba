// Shared by the WebAssembly tests: where things are, the golden cases, the pattern matcher (the
// same rules as tests/golden/golden_runner.cpp), and the native CLI as the reference.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const dist = process.env.ELIGIBILITY_DIST ?? join(root, 'build/wasm/dist');
export const cli = process.env.ELIGIBILITY_CLI ?? join(root, 'build/native/bin/eligibility');
export const casesDir = join(root, 'tests/cases');

/** The date every case and every generated profile is evaluated at when it gives no as_of. */
export const DEFAULT_AS_OF = '2026-11-21';

export async function loadApi() {
  return import(join(dist, 'engine.mjs'));
}

/** Every golden case: { name, description, input (profile text, or bytes), lang, expect }. */
export function goldenCases() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        if (entry !== 'rules') walk(path);  // bad rules files have their own test
      } else if (entry.endsWith('.json')) {
        files.push(path);
      }
    }
  };
  walk(casesDir);
  return files.map((path) => {
    const c = JSON.parse(readFileSync(path, 'utf8'));
    return {
      name: relative(casesDir, path),
      description: c.description ?? '',
      input: 'profile_text' in c ? c.profile_text
        : 'profile_base64' in c ? new Uint8Array(Buffer.from(c.profile_base64, 'base64'))
        : JSON.stringify(c.profile),
      lang: c.options?.lang,
      expect: c.expect,
    };
  });
}

/** Objects match if every expected key matches; arrays need equal length and matching elements. */
export function match(expected, actual, path = '', problems = []) {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      problems.push(`${path}: expected an object, got ${JSON.stringify(actual)}`);
      return problems;
    }
    for (const [k, v] of Object.entries(expected)) {
      if (!(k in actual)) problems.push(`${path}/${k}: missing (expected ${JSON.stringify(v)})`);
      else match(v, actual[k], `${path}/${k}`, problems);
    }
    return problems;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      problems.push(`${path}: expected an array, got ${JSON.stringify(actual)}`);
    } else if (expected.length !== actual.length) {
      problems.push(`${path}: expected ${expected.length} elements, got ${actual.length}: ${JSON.stringify(actual)}`);
    } else {
      expected.forEach((e, i) => match(e, actual[i], `${path}/${i}`, problems));
    }
    return problems;
  }
  if (expected !== actual) problems.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  return problems;
}

/** True if the input (text or bytes) holds a line break, which a batch line cannot. */
export function hasLineBreak(input) {
  return typeof input === 'string' ? /[\r\n]/.test(input) : input.includes(10) || input.includes(13);
}

/**
 * The native CLI's answers for many profiles (texts or bytes; one per line, so they must not
 * contain line breaks), in order: `eligibility batch` with the same default date and language.
 */
export function nativeBatch(inputs, { lang, asOf = DEFAULT_AS_OF } = {}) {
  for (const input of inputs) {
    if (hasLineBreak(input)) throw new Error(`a batch line may not contain a line break: ${JSON.stringify(input)}`);
  }
  const args = ['batch', '--date', asOf];
  if (lang) args.push('--lang', lang);
  const stdin = Buffer.concat(inputs.flatMap((i) => [Buffer.from(i), Buffer.from('\n')]));
  const run = spawnSync(cli, args, { input: stdin, maxBuffer: 1 << 30 });
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 2) {
    throw new Error(`eligibility batch exited ${run.status}: ${run.stderr.toString().slice(0, 500)}`);
  }
  const lines = run.stdout.toString('utf8').split('\n');
  lines.pop();  // the last newline
  if (lines.length !== inputs.length) throw new Error(`expected ${inputs.length} answers, got ${lines.length}`);
  return lines;
}

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same profiles everywhere. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}
