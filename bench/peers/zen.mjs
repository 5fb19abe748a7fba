// GoRules ZEN through @gorules/zen-engine-wasm. Version 0.23.1 of that package evaluates ZEN
// expressions only (its README: "Currently, it supports only expressions"): it has no decision
// graph or decision-table evaluator. So the workload is written as its users can write it for the
// browser: a JDM graph (rules/zen.jdm.json, input -> expression node -> output, as the JDM editor
// saves it) whose expression node holds one ZEN expression per output, and each expression is
// evaluated with the package's evaluateExpression(expression, input), which is synchronous.
// (Decision tables need the native @gorules/zen-engine for Node, not the browser.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import init, { evaluateExpression, Variable } from '@gorules/zen-engine-wasm';

export async function setup({ root, variant = 'evaluateExpression' }) {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('@gorules/zen-engine-wasm/package.json'));
  const wasmPath = join(pkgDir, 'dist/zen_engine_wasm_bg.wasm');
  await init({ module_or_path: readFileSync(wasmPath) });
  const rulesText = readFileSync(join(root, 'bench/peers/rules/zen.jdm.json'), 'utf8');
  const graph = JSON.parse(rulesText);
  const node = graph.nodes.find((n) => n.type === 'expressionNode');
  const expressions = node.content.expressions.map((e) => [e.key, e.value]);

  // The package's two ways to evaluate an expression against an input: the top-level function,
  // and a Variable holding the input converted once (then freed).
  const evaluate = variant === 'Variable'
    ? (input) => {
      const v = new Variable(input);
      const out = {};
      for (const [key, expression] of expressions) out[key] = v.evaluateExpression(expression);
      v.free();
      return out;
    }
    : (input) => {
      const out = {};
      for (const [key, expression] of expressions) out[key] = evaluateExpression(expression, input);
      return out;
    };
  return {
    name: '@gorules/zen-engine-wasm',
    version: require('@gorules/zen-engine-wasm/package.json').version,
    variant,
    prepare: (facts) => facts,
    evaluate,
    normalise: (a) => a,
    rulesText: JSON.stringify(graph),
    files: [
      { path: join(pkgDir, 'index.js'), role: 'code' },
      { path: join(pkgDir, 'dist/zen_engine_wasm.js'), role: 'code (glue)' },
      { path: join(pkgDir, 'util/index.js'), role: 'code' },
      { path: join(pkgDir, 'util/variable-type.js'), role: 'code' },
      { path: wasmPath, role: 'wasm' },
    ],
  };
}
