// json-rules-engine: named shared conditions (engine.setCondition) and one rule per outcome
// (rules/json-rules-engine.json), each firing an event that carries its part of the answer:
// the regime, a fee, a document. engine.run() is asynchronous; it is awaited, as its users do.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';

// What a browser needs: the files Node loads for the package (listed by a fresh Node process, so
// that nothing else loaded here is counted), with each dependency's own browser build where its
// package.json names one (a bundler would pick those).
function browserFiles(root) {
  const listed = spawnSync(process.execPath, ['--input-type=commonjs', '-e',
    "require('json-rules-engine'); console.log(JSON.stringify(Object.keys(require.cache)))"],
  { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`listing json-rules-engine's files: ${listed.stderr}`);
  const files = [];
  for (const file of JSON.parse(listed.stdout)) {
    const m = /^(.*\/node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(file);
    if (!m) continue;
    const [, dir, pkg] = m;
    if (pkg === 'json-rules-engine') {
      files.push({ path: file, role: 'code' });
      continue;
    }
    const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const exp = meta.exports && meta.exports['.'];
    const browser = (exp && typeof exp.browser === 'string' && exp.browser) ||
      (typeof meta.browser === 'string' && meta.browser);
    files.push({ path: browser ? join(dir, browser) : file, role: `code (${pkg}${browser ? ', browser build' : ''})` });
  }
  return [...new Map(files.map((f) => [f.path, f])).values()];
}

export async function setup({ root }) {
  const rulesText = readFileSync(join(root, 'bench/peers/rules/json-rules-engine.json'), 'utf8');
  const spec = JSON.parse(rulesText);
  const engine = new Engine();
  for (const [name, condition] of Object.entries(spec.conditions)) engine.setCondition(name, condition);
  for (const rule of spec.rules) engine.addRule(rule);
  const require = createRequire(import.meta.url);
  return {
    name: 'json-rules-engine',
    version: require('json-rules-engine/package.json').version,
    async: true,
    prepare: (facts) => facts,
    evaluate: (facts) => engine.run(facts),
    normalise: ({ events }) => {
      const regime = events.filter((e) => e.type === 'regime');
      if (regime.length !== 1) throw new Error(`expected one regime event, got ${regime.length}`);
      return {
        regime: regime[0].params.regime,
        days: regime[0].params.days,
        fees: events.filter((e) => e.type === 'fee').map((e) => e.params),
        documents: events.filter((e) => e.type === 'document').map((e) => e.params.id),
      };
    },
    rulesText: JSON.stringify(spec),
    files: browserFiles(root),
  };
}
