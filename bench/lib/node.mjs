// What the Node side of the benchmarks shares (bench/lib/measure.mjs is also served to the
// browser page, so Node's modules stay out of it): where the project is, the date every profile
// is decided on, command-line options, and the native CLI's decisions, the reference every
// WebAssembly figure is checked against before it counts.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'build/native/bin/eligibility');
export const AS_OF = '2026-11-21';

/** The number after `name` on the command line (`--runs 7`), or `fallback`. */
export function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The native CLI's decision (one line of JSON) for each entry of bench/profiles.json, in order. */
export function nativeDecisions(profiles) {
  const batch = spawnSync(CLI, ['batch', '--date', AS_OF], {
    input: profiles.map((p) => JSON.stringify(p.profile)).join('\n') + '\n',
    encoding: 'utf8',
  });
  if (batch.status !== 0) throw new Error(`eligibility batch exited ${batch.status}: ${batch.stderr}${batch.stdout}`);
  return batch.stdout.trimEnd().split('\n');
}
