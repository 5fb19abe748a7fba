// Every golden case through the WebAssembly engine: the decision matches the case's pattern, and
// its bytes are exactly what the native CLI prints for the same profile.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DEFAULT_AS_OF, goldenCases, hasLineBreak, loadApi, match, nativeBatch } from './support.mjs';

const cases = goldenCases();
const { createEngine } = await loadApi();
const engine = await createEngine({ asOf: DEFAULT_AS_OF });

test('there are golden cases to run', () => {
  assert.ok(cases.length >= 60, `only ${cases.length} golden cases`);
});

// Native answers, one batch per language (a batch line cannot hold a line break).
const native = new Map();
for (const lang of [undefined, 'en', 'az', 'ru']) {
  const group = cases.filter((c) => c.lang === lang && !hasLineBreak(c.input));
  const answers = nativeBatch(group.map((c) => c.input), { lang });
  group.forEach((c, i) => native.set(c.name, answers[i]));
}

for (const c of cases) {
  test(`${c.name}: ${c.description}`, () => {
    const text = engine.evaluateText(c.input, { lang: c.lang });
    const problems = match(c.expect, JSON.parse(text));
    assert.deepEqual(problems, [], problems.join('\n'));
    // evaluate() assembles the same decision from a skeleton and cached fragments: same object.
    assert.equal(JSON.stringify(engine.evaluate(c.input, { lang: c.lang })), text, 'evaluate() differs from evaluateText()');
    if (native.has(c.name)) assert.equal(text, native.get(c.name), 'the wasm and native bytes differ');
  });
}

test('every case with a single-line profile was compared with the native bytes', () => {
  const multiline = cases.filter((c) => hasLineBreak(c.input)).length;
  assert.equal(native.size, cases.length - multiline);
});
