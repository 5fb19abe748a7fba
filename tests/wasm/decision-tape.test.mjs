// The JavaScript reader of decision tapes (wasm/js/decision-tape.mjs) on tapes written by hand:
// the cases the shipped rules never produce (integers beyond 2^27, a "__proto__" member, years
// before 1000), and a tape it cannot follow, which must throw an Error rather than return half a
// decision. Real tapes are compared with evaluateText() by parity.test.mjs and golden.test.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { dist } from './support.mjs';

const { readDecisionTape } = await import(pathToFileURL(join(dist, 'decision-tape.mjs')).href);

// The operations of core/include/eligibility/decision_tape.hpp.
const OP = {
  object: 0, end: 1, array: 2, key: 3, string: 4, integer: 5, wide: 6, true: 7, false: 8, null: 9,
  date: 10, head: 11, provenance: 12, failNote: 13, record: 14, trace: 15,
};
const word = (op, argument = 0) => (argument << 4) | op;

function read(words, strings = [], fragments = []) {
  return readDecisionTape(Int32Array.from(words), 0, strings, fragments);
}

test('integers: one word up to 2^27, two more words beyond, rounded as JSON.parse rounds them', () => {
  const wide = (v) => {
    const bits = BigInt.asUintN(64, BigInt(v));
    return [word(OP.wide), Number(bits & 0xffffffffn) | 0, Number(bits >> 32n) | 0];
  };
  const values = ['0', '-1', '134217727', '-134217728', '134217728', '-134217729', '999999999999', '-999999999999',
    '9007199254740993', '9223372036854775807', '-9223372036854775808'];
  for (const v of values) {
    const small = BigInt(v) >= -134217728n && BigInt(v) <= 134217727n;
    const words = small ? [word(OP.integer, Number(v))] : wide(v);
    assert.equal(read(words), JSON.parse(v), v);
  }
});

test('objects, arrays and values nest as the tape says, members in its order', () => {
  const strings = ['status', 'decided', 'list', 'flag', 'none', 'due'];
  const tape = [
    word(OP.object),
    word(OP.key, 0), word(OP.string, 1),
    word(OP.key, 2), word(OP.array), word(OP.integer, 3), word(OP.array), word(OP.end), word(OP.false), word(OP.end),
    word(OP.key, 3), word(OP.true),
    word(OP.key, 4), word(OP.null),
    word(OP.key, 5), word(OP.date, (987 << 9) | (3 << 5) | 9),
    word(OP.end),
  ];
  const decision = read(tape, strings);
  assert.equal(JSON.stringify(decision), '{"status":"decided","list":[3,[],false],"flag":true,"none":null,"due":"0987-03-09"}');
});

test("records' static members are put back from the fragments, copied rather than shared", () => {
  const fragments = [
    { h: { id: 'passport', channel: 'consular' }, t: { citation: 'Law, art. 1', title: 'Passport' }, w: { rule: 'documents/passport', citation: 'Law, art. 1' } },
    { h: { id: 'validity' }, t: { citation: 'Law, art. 2' }, w: { rule: 'checks/validity', citation: 'Law, art. 2' }, f: { fail_note: 'Renew it' } },
  ];
  const strings = ['documents', 'checks', 'result', 'fail', 'trace'];
  const tape = [
    word(OP.object),
    word(OP.key, 0), word(OP.array), word(OP.record, 0), word(OP.end),
    word(OP.key, 1), word(OP.array),
    word(OP.object), word(OP.head, 1), word(OP.key, 2), word(OP.string, 3), word(OP.provenance, 1), word(OP.failNote, 1), word(OP.end),
    word(OP.end),
    word(OP.key, 4), word(OP.array), word(OP.trace, 0), word(OP.end),
    word(OP.end),
  ];
  const a = read(tape, strings, fragments);
  assert.equal(JSON.stringify(a), JSON.stringify({
    documents: [{ id: 'passport', channel: 'consular', citation: 'Law, art. 1', title: 'Passport' }],
    checks: [{ id: 'validity', result: 'fail', citation: 'Law, art. 2', fail_note: 'Renew it' }],
    trace: [{ rule: 'documents/passport', citation: 'Law, art. 1' }],
  }));
  // A caller that changes one decision does not change the next.
  a.documents[0].title = 'changed';
  a.trace[0].rule = 'changed';
  const b = read(tape, strings, fragments);
  assert.equal(b.documents[0].title, 'Passport');
  assert.equal(b.trace[0].rule, 'documents/passport');
});

test('a "__proto__" member is an own member, as JSON.parse makes it, not a prototype', () => {
  const decision = read([word(OP.object), word(OP.key, 0), word(OP.object), word(OP.end), word(OP.end)], ['__proto__']);
  assert.deepEqual(Object.keys(decision), ['__proto__']);
  assert.equal(Object.getPrototypeOf(decision), Object.prototype);
  assert.equal(JSON.stringify(decision), JSON.stringify(JSON.parse('{"__proto__":{}}')));
});

test('a tape it cannot follow throws an Error', () => {
  assert.throws(() => read([word(OP.end)]), /decision tape/);
  assert.throws(() => read([word(OP.object), word(OP.string, 0), word(OP.end)], ['x']), /decision tape/);
  assert.throws(() => read([word(OP.record, 7)], [], []), /decision tape: no fragment 7/);
});
