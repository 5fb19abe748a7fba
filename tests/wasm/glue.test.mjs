// The built glue must run under `script-src 'self' 'wasm-unsafe-eval'`: no eval, no new Function.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { dist } from './support.mjs';

for (const file of ['eligibility.mjs', 'engine.mjs']) {
  test(`${file} contains no new Function and no eval(`, () => {
    const text = readFileSync(join(dist, file), 'utf8');
    assert.equal(text.match(/new Function/g), null, 'new Function found');
    assert.equal(text.match(/\beval\s*\(/g), null, 'eval( found');
  });
}

test('the glue is an ES module exporting the factory', () => {
  const text = readFileSync(join(dist, 'eligibility.mjs'), 'utf8');
  assert.match(text, /export default createEligibilityModule/);
});
