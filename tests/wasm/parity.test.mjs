// Generated parity: 10,000 random profiles (valid, partial, invalid, malformed; fixed seed)
// through the WebAssembly engine and the native CLI. Zero differences, byte for byte.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DEFAULT_AS_OF, loadApi, nativeBatch, prng } from './support.mjs';

const COUNT = Number(process.env.PARITY_COUNT ?? 10000);
const SEED = Number(process.env.PARITY_SEED ?? 20261121);

const { createEngine } = await loadApi();
const engine = await createEngine({ asOf: DEFAULT_AS_OF });
const rand = prng(SEED);

// What each service asks, read from the engine itself (types, options, ranges).
const services = engine.services().map((s) => ({ id: s.id, facts: engine.facts(s.id).facts }));

const pad = (n, w = 2) => String(n).padStart(w, '0');
function randomDate(fromYear = 2015, toYear = 2035) {
  return `${rand.int(fromYear, toYear)}-${pad(rand.int(1, 12))}-${pad(rand.int(1, 28))}`;
}

function validValue(fact) {
  switch (fact.type) {
    case 'bool': return rand.chance(0.5);
    case 'int': {
      const edges = [fact.min, fact.max, fact.min + 1, Math.min(fact.max, 17), Math.min(fact.max, 18), Math.min(fact.max, 30), Math.min(fact.max, 90)];
      return rand.chance(0.5) ? rand.pick(edges) : rand.int(fact.min, Math.min(fact.max, fact.min + 120));
    }
    case 'date': return randomDate();
    default: return rand.pick(fact.options).value;
  }
}

const INVALID = [
  () => 'thirty', () => 34.5, () => -1, () => 1e30, () => 99999999999, () => [1], () => ({ v: 1 }),
  () => '2026-02-30', () => '01.12.2026', () => 'de', () => 'XX', () => 'AZ', () => 'holiday', () => '',
  () => 'x'.repeat(300), () => true, () => 0,
];

function profileObject() {
  const roll = rand.next();
  const service = roll < 0.02 ? 'taxi' : rand.pick(services);
  const p = {};
  if (roll >= 0.04) p.service = typeof service === 'string' ? service : service.id;
  if (rand.chance(0.6)) p.as_of = rand.chance(0.03) ? '2026-13-01' : randomDate(2018, 2028);
  if (rand.chance(0.02)) p.lang = 'en';  // unknown top-level key
  if (typeof service !== 'string' && rand.chance(0.95)) {
    p.facts = {};
    const share = rand.next();
    for (const fact of service.facts) {
      if (!rand.chance(share)) continue;
      const r = rand.next();
      p.facts[fact.id] = r < 0.05 ? null : r < 0.15 ? rand.pick(INVALID)() : validValue(fact);
    }
    if (rand.chance(0.05)) p.facts.not_a_fact = 1;
  }
  return p;
}

// Inputs that are not a profile object at all.
function malformedText() {
  const valid = JSON.stringify(profileObject());
  const variants = [
    () => valid.slice(0, rand.int(0, valid.length - 1)),                      // truncated
    () => valid.replace('{', '{"service":"visa",'),                           // duplicate key (mostly)
    () => '[' + valid + ']',
    () => 'null', () => '42', () => '"visa"', () => '', () => '{}', () => '{"service":{}}',
    () => '['.repeat(rand.int(5, 200)),                                       // deep nesting
    () => `{"service":"visa","facts":{"age":${'1'.repeat(rand.int(19, 40))}}}`, // beyond int64
    () => `{"service":"visa","facts":{"age":1e${rand.int(300, 400)}}}`,        // beyond double
    () => `{"service":"visa","facts":{"age":-0}}`,
    () => `{"service":"vi\ud800sa"}`,                                         // a lone surrogate
    () => `{"service":"visa","facts":{"nationality":"\u00e9\u0259"}}`,
    () => valid + ' trailing',
    () => valid.replaceAll('"', "'"),
    () => ' \t' + valid + ' \t',
  ];
  return rand.pick(variants)();
}

test(`${COUNT} random profiles give the same bytes natively and in WebAssembly`, () => {
  const langs = [undefined, 'en', 'az', 'ru'];
  const byLang = new Map(langs.map((l) => [l, []]));
  for (let i = 0; i < COUNT; ++i) {
    const text = rand.chance(0.12) ? malformedText() : JSON.stringify(profileObject());
    byLang.get(rand.pick(langs)).push(text);
  }
  let compared = 0;
  const differences = [];
  const statuses = {};
  for (const [lang, inputs] of byLang) {
    const native = nativeBatch(inputs, { lang });
    inputs.forEach((input, i) => {
      const wasm = engine.evaluateText(input, { lang });
      ++compared;
      // evaluate() (a skeleton plus cached fragments) gives exactly the object evaluateText() writes.
      const assembled = JSON.stringify(engine.evaluate(input, { lang }));
      if (assembled !== wasm && differences.length < 5) differences.push({ lang, input, wasm, assembled });
      const status = JSON.parse(wasm).status;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (wasm !== native[i] && differences.length < 5) differences.push({ lang, input, wasm, native: native[i] });
    });
  }
  assert.equal(compared, COUNT);
  assert.deepEqual(differences, [], JSON.stringify(differences, null, 1));
  // The generator must reach every outcome, or the comparison proves little.
  for (const s of ['decided', 'needs_input', 'error']) assert.ok(statuses[s] > COUNT / 50, `too few ${s}: ${JSON.stringify(statuses)}`);
});
