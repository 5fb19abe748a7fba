// Ours: the workload as a rules bundle in our own format (rules/ours-visa.json is the visa
// service document, written following docs/rules-format.md), loaded with createEngine({ rules })
// and evaluated through the JavaScript API: engine.evaluate(profile) returns the decision object.
//
// The bundle is the service document plus the country table it needs: the countries the
// profiles and the lists name (with their names in three languages, as our format requires) and
// the currencies its fees use, taken from the built bundle's ISO table.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NATIONALITIES } from './workload.mjs';

export function workloadBundle(root) {
  const doc = JSON.parse(readFileSync(join(root, 'bench/peers/rules/ours-visa.json'), 'utf8'));
  const base = JSON.parse(readFileSync(join(root, 'build/native/rules/default.json'), 'utf8'));
  const codes = new Set([...NATIONALITIES, ...doc.lists.flatMap((l) => l.values)]);
  for (const f of doc.facts) for (const c of f.exclude ?? []) codes.add(c);
  const currencies = new Set(doc.fees.map((f) => f.amount && f.amount.currency).filter(Boolean));
  return {
    format: 1,
    version: 'bench-workload.1',
    countries: {
      ...base.countries,
      currencies: base.countries.currencies.filter((c) => currencies.has(c)),
      countries: base.countries.countries.filter((c) => codes.has(c.code)),
    },
    services: [doc],
  };
}

export async function setup({ root, startup = false }) {
  let rulesText;
  const file = join(root, 'build/bench/peers-ours-bundle.json');
  if (startup) {
    // Start-up timing (startup.mjs): the bundle as a mission would serve it, already written.
    rulesText = readFileSync(file, 'utf8');
  } else {
    rulesText = JSON.stringify(workloadBundle(root));
    // The bundle must pass the same validation as any mission's rules file.
    mkdirSync(join(root, 'build/bench'), { recursive: true });
    writeFileSync(file, rulesText);
    const check = spawnSync(join(root, 'build/native/bin/eligibility'), ['validate-rules', file], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`eligibility validate-rules ${file}: ${check.stdout}${check.stderr}`);
  }

  const dist = join(root, 'build/wasm/dist');
  const { createEngine } = await import(pathToFileURL(join(dist, 'engine.mjs')).href);
  const engine = await createEngine({ rules: rulesText, asOf: '2026-11-21' });
  return {
    name: 'ours (wasm, JS API)',
    prepare: (facts) => ({ service: 'visa', facts }),
    evaluate: (profile) => engine.evaluate(profile),
    normalise: (d) => {
      if (d.status !== 'decided') throw new Error(`not decided: ${JSON.stringify(d).slice(0, 400)}`);
      return {
        regime: d.verdict.code,
        days: d.verdict.max_stay_days,
        fees: d.fees.map((f) => ({ id: f.id, amount_minor: f.amount_minor, currency: f.currency, waived: f.waived })),
        documents: d.documents.map((x) => x.id),
      };
    },
    rulesText,
    // What a browser downloads: the engine as the widget's folder ships it (build/web, `make web`:
    // engine.mjs minified, with the Emscripten glue bundled in).
    files: [
      { path: join(root, 'build/web/consular-eligibility/eligibility.wasm'), role: 'wasm' },
      { path: join(root, 'build/web/consular-eligibility/engine.mjs'), role: 'code (JS API and glue)' },
    ],
  };
}
