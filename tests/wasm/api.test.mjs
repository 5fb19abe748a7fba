// The JavaScript API (CONTRACT.md section 5, docs/contract.md section 5): bad rules reject with
// the contract's error object, bad profiles come back as error objects with the right code and
// path, and nothing C++ (an exception, an abort, a bare number) ever reaches JavaScript.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';

import { DEFAULT_AS_OF, dist, loadApi, root } from './support.mjs';

const { createEngine, EligibilityError } = await loadApi();
const engine = await createEngine({ asOf: DEFAULT_AS_OF });
const bundle = JSON.parse(readFileSync(join(root, 'build/native/rules/default.json'), 'utf8'));

async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail('expected a rejection');
}

test('the engine reports its rules version and services', () => {
  assert.equal(engine.rulesVersion, bundle.version);
  const services = engine.services();
  assert.deepEqual(services.map((s) => s.id), bundle.services.map((s) => s.service));
  assert.equal(engine.services({ lang: 'az' })[0].title, bundle.services[0].title.az);
});

test('bad profiles come back as error objects with code and path', () => {
  const cases = [
    ['{', '', 'invalid_json'],
    ['', '', 'invalid_json'],
    [{ facts: {} }, '/service', 'required'],
    [{ service: 'taxi' }, '/service', 'unknown_service'],
    [{ service: 'visa', colour: 'red' }, '/colour', 'unknown_field'],
    [{ service: 'visa', facts: { agee: 3 } }, '/facts/agee', 'unknown_fact'],
    [{ service: 'visa', facts: { age: '3' } }, '/facts/age', 'wrong_type'],
    [{ service: 'visa', facts: { age: 131 } }, '/facts/age', 'out_of_range'],
    [{ service: 'visa', facts: { entry_date: '2026-02-30' } }, '/facts/entry_date', 'invalid_date'],
    [{ service: 'visa', facts: { nationality: 'XX' } }, '/facts/nationality', 'unknown_country'],
    [{ service: 'visa', facts: { purpose: 'holiday' } }, '/facts/purpose', 'not_an_option'],
    [{ service: 'visa', as_of: '2026-11-21', facts: { passport_expiry: '2026-01-01' } }, '/facts/passport_expiry', 'inconsistent'],
    ['{"service":"visa","service":"visa"}', '/service', 'duplicate_key'],
    [{ service: 'visa', facts: { purpose: 'x'.repeat(1000) } }, '/facts/purpose', 'input_too_large'],
    ['['.repeat(100000), '', 'input_too_large'],
    [' '.repeat(70000), '', 'input_too_large'],
  ];
  for (const [profile, path, code] of cases) {
    const d = engine.evaluate(profile);
    assert.equal(d.status, 'error', JSON.stringify(profile).slice(0, 80));
    assert.equal(d.errors[0].path, path, JSON.stringify(d));
    assert.equal(d.errors[0].code, code, JSON.stringify(d));
    assert.equal(typeof d.errors[0].message, 'string');
  }
});

test('a profile that cannot become JSON is an error object, not an exception', () => {
  const circular = { service: 'visa' };
  circular.self = circular;
  assert.equal(engine.evaluate(circular).errors[0].code, 'invalid_json');
  assert.equal(engine.evaluate({ service: 'visa', facts: { age: 10n } }).errors[0].code, 'invalid_json');
  assert.equal(engine.evaluate(undefined).errors[0].code, 'invalid_json');
  assert.equal(engine.evaluate(() => 1).errors[0].code, 'invalid_json');
  assert.equal(engine.questions(circular).status, 'error');
});

test('text that is not well-formed UTF-16 is read as its UTF-8 encoding would be', () => {
  // A lone surrogate becomes U+FFFD, as when the same text is written to the CLI's stdin.
  const d = engine.evaluate('{"service":"vi\ud800sa"}');
  assert.equal(d.errors[0].code, 'unknown_service');
});

test('bad rules reject with EligibilityError: the contract error object, paths into the rules', async () => {
  const notJson = await rejection(createEngine({ rules: '{"format": 1,' }));
  assert.ok(notJson instanceof EligibilityError);
  assert.ok(notJson instanceof Error);
  assert.equal(notJson.status, 'error');
  assert.equal(notJson.errors[0].code, 'invalid_rules');
  assert.equal(notJson.errors[0].path, '');

  const broken = structuredClone(bundle);
  delete broken.services[0].verdicts[0].citation;
  broken.services[0].fees[0].amount = { amount_minor: 20.5, currency: 'USD' };
  const e = await rejection(createEngine({ rules: broken }));
  const paths = e.errors.map((x) => x.path);
  assert.ok(paths.includes('/services/0/verdicts/0/citation'), paths.join(' '));
  assert.ok(paths.includes('/services/0/fees/0/amount/amount_minor'), paths.join(' '));
  assert.ok(e.errors.every((x) => x.code === 'invalid_rules'));

  // One service document replaces that service; its errors point into it.
  const visa = structuredClone(bundle.services[0]);
  delete visa.title.az;
  const one = await rejection(createEngine({ rules: visa }));
  assert.deepEqual(one.errors.map((x) => x.path), ['/title/az']);

  for (const bad of [42, true, '', 'null', '[]', '{}']) {
    const r = await rejection(createEngine({ rules: bad }));
    assert.ok(r instanceof EligibilityError, String(bad));
    assert.equal(r.errors[0].code, 'invalid_rules');
  }
});

test("a mission's own rules are used, in full or for one service", async () => {
  const mine = structuredClone(bundle);
  mine.version = 'mission-7';
  const custom = await createEngine({ rules: JSON.stringify(mine) });
  assert.equal(custom.rulesVersion, 'mission-7');
  assert.equal(custom.evaluate({ service: 'visa', as_of: DEFAULT_AS_OF }).rules_version, 'mission-7');

  const visa = structuredClone(bundle.services[0]);
  visa.title.en = 'Visa to Azerbaijan (Embassy in Testland)';
  const patched = await createEngine({ rules: visa });
  assert.equal(patched.services()[0].title, 'Visa to Azerbaijan (Embassy in Testland)');
  assert.equal(patched.services().length, bundle.services.length);
});

test('questions, facts and per-call options', () => {
  const q = engine.questions({ service: 'visa', as_of: DEFAULT_AS_OF }, { lang: 'ru' });
  assert.equal(q.status, 'needs_input');
  assert.equal(q.questions[0].id, 'nationality');
  assert.ok(q.questions[0].options.length > 200);
  const f = engine.facts('visa', { lang: 'az' });
  assert.equal(f.facts[0].id, 'nationality');
  assert.equal(engine.facts('taxi').status, 'error');
  const d = engine.evaluate({ service: 'visa', facts: {} }, { asOf: '2027-01-02', lang: 'az' });
  assert.equal(d.as_of, '2027-01-02');
  assert.equal(d.lang, 'az');
  assert.equal(engine.evaluate({ service: 'visa' }, { asOf: '2026-02-30' }).errors[0].code, 'invalid_date');
});

test('options that the API does not accept are TypeErrors, thrown synchronously', async () => {
  assert.throws(() => engine.evaluate({ service: 'visa' }, { lang: 'fr' }), TypeError);
  assert.throws(() => engine.evaluate({ service: 'visa' }, { asOf: 20261121 }), TypeError);
  assert.throws(() => engine.evaluate({ service: 'visa' }, null), TypeError);
  await assert.rejects(createEngine({ lang: 'de' }), TypeError);
});

test('a released engine answers with an error object, and the others keep working', async () => {
  const temporary = await createEngine();
  temporary.release();
  assert.equal(temporary.evaluate({ service: 'visa' }).status, 'error');
  assert.equal(engine.evaluate({ service: 'visa', as_of: DEFAULT_AS_OF }).status, 'needs_input');
});

test('many engines and many evaluations do not leak or break the module', async () => {
  for (let i = 0; i < 20; ++i) (await createEngine()).release();
  for (let i = 0; i < 2000; ++i) engine.evaluate({ service: 'visa', as_of: DEFAULT_AS_OF, facts: { nationality: 'DE', age: i % 100 } });
  assert.equal(engine.evaluate({ service: 'visa', as_of: DEFAULT_AS_OF }).status, 'needs_input');
});

test('rule packs: an engine can start with no service loaded and load one when it is needed', async () => {
  const lazy = await createEngine({ asOf: DEFAULT_AS_OF, services: [] });
  assert.deepEqual(lazy.loadedServices(), []);
  assert.equal(lazy.services().length, bundle.services.length, 'every service is still offered');
  const before = lazy.evaluate({ service: 'visa', facts: { nationality: 'DE' } });
  assert.equal(before.errors[0].code, 'service_not_loaded');
  assert.equal(before.errors[0].path, '/service');
  await Promise.all([lazy.loadService('visa'), lazy.loadService('visa')]);  // concurrent calls share one load
  assert.deepEqual(lazy.loadedServices(), ['visa']);
  const profile = { service: 'visa', facts: { nationality: 'US', passport_type: 'ordinary' } };
  assert.equal(lazy.evaluateText(profile), engine.evaluateText(profile), 'a pack decides exactly as the whole bundle');
  await assert.rejects(lazy.loadService('../visa'), TypeError);
  await assert.rejects(lazy.loadService('no_such_service'), (e) => !(e instanceof EligibilityError));
  assert.deepEqual(lazy.loadedServices(), ['visa'], 'a failed load changes nothing');
  const some = await createEngine({ asOf: DEFAULT_AS_OF, services: ['passport', 'registration'] });
  assert.deepEqual(some.loadedServices().sort(), ['passport', 'registration']);
  await assert.rejects(createEngine({ services: 'visa' }), TypeError);
});

test('compiled packs: one damaged, cut short or of another build is refused whole, and the engine is unchanged', async (t) => {
  // A copy of the module whose rules/ holds broken packs (a module of its own: another URL).
  const copy = mkdtempSync(join(tmpdir(), 'eligibility-packs-'));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  cpSync(dist, copy, { recursive: true });
  const good = readFileSync(join(copy, 'rules/passport.bin'));
  const flipped = Buffer.from(good);
  flipped[flipped.length >> 1] ^= 0x20;
  writeFileSync(join(copy, 'rules/passport.bin'), flipped);
  writeFileSync(join(copy, 'rules/registration.bin'), good.subarray(0, good.length >> 1));
  const foreign = Buffer.from(readFileSync(join(copy, 'rules/invitation.bin')));
  foreign[9] ^= 1;  // the first byte of the build's fingerprint
  writeFileSync(join(copy, 'rules/invitation.bin'), foreign);

  const api = await import(pathToFileURL(join(copy, 'engine.mjs')).href);
  const e = await api.createEngine({ asOf: DEFAULT_AS_OF, services: ['visa'] });
  for (const [id, why] of [['passport', /damaged/], ['registration', /damaged/], ['invitation', /another build/]]) {
    const err = await rejection(e.loadService(id));
    assert.ok(err instanceof api.EligibilityError, `${id}: an EligibilityError`);
    assert.equal(err.errors.length, 1);
    assert.equal(err.errors[0].code, 'invalid_rules');
    assert.equal(err.errors[0].path, '');
    assert.match(err.errors[0].message, why, id);
    assert.deepEqual(e.loadedServices(), ['visa'], `${id}: nothing changed`);
  }
  const profile = { service: 'visa', facts: { nationality: 'US', passport_type: 'ordinary' } };
  assert.equal(e.evaluateText(profile), engine.evaluateText(profile), 'the engine still decides as before');
  await assert.rejects(api.createEngine({ services: ['passport'] }), api.EligibilityError, 'createEngine rejects too');
});

test('a pack given as JSON still loads: the engine reads compiled packs and JSON alike', async (t) => {
  const copy = mkdtempSync(join(tmpdir(), 'eligibility-packs-'));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  cpSync(dist, copy, { recursive: true });
  cpSync(join(copy, 'rules/visa.json'), join(copy, 'rules/visa.bin'));
  const api = await import(pathToFileURL(join(copy, 'engine.mjs')).href);
  const e = await api.createEngine({ asOf: DEFAULT_AS_OF, services: ['visa'] });
  const profile = { service: 'visa', facts: { nationality: 'DE', passport_type: 'ordinary', purpose: 'tourism' } };
  assert.equal(e.evaluateText(profile), engine.evaluateText(profile));
});

test('every service at once comes from rules/all.bin, or pack by pack when that file is missing', async (t) => {
  const copy = mkdtempSync(join(tmpdir(), 'eligibility-packs-'));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  cpSync(dist, copy, { recursive: true });
  const profile = { service: 'passport', facts: { age: 30 } };

  // Without the per-service packs, only all.bin can have supplied every service.
  for (const id of bundle.services.map((s) => s.service)) rmSync(join(copy, `rules/${id}.bin`));
  const fromAll = await (await import(pathToFileURL(join(copy, 'engine.mjs')).href)).createEngine({ asOf: DEFAULT_AS_OF });
  assert.equal(fromAll.loadedServices().length, bundle.services.length);
  assert.equal(fromAll.evaluateText(profile), engine.evaluateText(profile));

  // Without all.bin (a folder from before it existed), the packs one by one.
  const second = mkdtempSync(join(tmpdir(), 'eligibility-packs-'));
  t.after(() => rmSync(second, { recursive: true, force: true }));
  cpSync(dist, second, { recursive: true });
  rmSync(join(second, 'rules/all.bin'));
  const fromPacks = await (await import(pathToFileURL(join(second, 'engine.mjs')).href)).createEngine({ asOf: DEFAULT_AS_OF });
  assert.equal(fromPacks.loadedServices().length, bundle.services.length);
  assert.equal(fromPacks.evaluateText(profile), engine.evaluateText(profile));

  // A damaged all.bin is an error, not a silent fallback.
  const bytes = readFileSync(join(second, 'rules/all.en.bin'));
  bytes[bytes.length >> 1] ^= 0x20;
  writeFileSync(join(second, 'rules/all.en.bin'), bytes);
  const api = await import(`${pathToFileURL(join(second, 'engine.mjs')).href}?damaged`);
  await assert.rejects(api.createEngine({ languages: ['en'] }), (e) => e instanceof api.EligibilityError && /damaged/.test(e.errors[0].message));
});
