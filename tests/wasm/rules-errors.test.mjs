// The catalogue of broken rules files (tests/cases/errors/rules/) through createEngine: each is
// refused with an EligibilityError carrying the expected errors, and the same errors as the native
// CLI's validate-rules gives for the same bytes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { casesDir, cli, loadApi, match, root } from './support.mjs';

const { createEngine, EligibilityError } = await loadApi();
const dir = join(casesDir, 'errors/rules');
const scratch = mkdtempSync(join(tmpdir(), 'rules-errors-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

// RFC 6902, the operations the catalogue uses.
function pointer(path) {
  return path.split('/').slice(1).map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}
function applyPatch(doc, ops) {
  for (const op of ops) {
    const tokens = pointer(op.path);
    const last = tokens.pop();
    let parent = doc;
    for (const t of tokens) parent = parent[t];
    if (op.op === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (op.op === 'replace') {
      parent[last] = structuredClone(op.value);
    } else if (op.op === 'add') {
      if (Array.isArray(parent)) parent.splice(last === '-' ? parent.length : Number(last), 0, structuredClone(op.value));
      else parent[last] = structuredClone(op.value);
    } else {
      throw new Error(`unsupported patch op ${op.op}`);
    }
  }
  return doc;
}

// The text of each document the cases patch, read once (each case parses its own copy to patch).
const documentTexts = new Map();
function documentText(name) {
  if (!documentTexts.has(name)) {
    const path = name === 'bundle' ? join(root, 'build/native/rules/default.json') : join(root, 'data/services', `${name}.json`);
    documentTexts.set(name, readFileSync(path, 'utf8'));
  }
  return documentTexts.get(name);
}

function rulesBytes(c) {
  if ('rules_text' in c) return Buffer.from(c.rules_text, 'utf8');
  if ('rules_base64' in c) return Buffer.from(c.rules_base64, 'base64');
  const base = JSON.parse(documentText(c.document));
  return Buffer.from(JSON.stringify(applyPatch(base, c.patch ?? [])), 'utf8');
}

const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

test('there are broken rules files to run', () => {
  assert.ok(files.length >= 1);
});

for (const file of files) {
  const c = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  test(`${file}: ${c.description}`, async () => {
    const bytes = rulesBytes(c);
    let error;
    try {
      await createEngine({ rules: new Uint8Array(bytes) });
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof EligibilityError, `expected an EligibilityError, got ${error}`);
    const actual = { status: error.status, errors: error.errors };
    const problems = match(c.expect, actual);
    assert.deepEqual(problems, [], problems.join('\n'));
    // The same bytes, checked by the native CLI.
    const path = join(scratch, file);
    writeFileSync(path, bytes);
    const run = spawnSync(cli, ['validate-rules', path]);
    assert.equal(run.status, 3, run.stdout.toString());
    assert.deepEqual(actual, JSON.parse(run.stdout.toString()));
  });
}
