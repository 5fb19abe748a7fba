// One-language rule packs (rules/<service>.<lang>.json): an engine that loaded every service in
// one language gives, in that language, exactly the bytes of an engine with the whole packs, for
// every golden case; in another language, or without one, it says the rules are not loaded.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { DEFAULT_AS_OF, dist, goldenCases, loadApi } from './support.mjs';

const LANGS = ['en', 'az', 'ru'];
const cases = goldenCases();
const { createEngine } = await loadApi();
const whole = await createEngine({ asOf: DEFAULT_AS_OF });
const serviceIds = whole.services().map((s) => s.id);

test('every service has a pack per language, each well under the whole pack', () => {
  for (const id of serviceIds) {
    const full = statSync(join(dist, 'rules', `${id}.json`)).size;
    for (const lang of LANGS) {
      const path = join(dist, 'rules', `${id}.${lang}.json`);
      assert.ok(existsSync(path), `${path} is missing`);
      const pack = JSON.parse(readFileSync(path, 'utf8'));
      assert.deepEqual(pack.languages, [lang]);
      assert.ok(statSync(path).size < full * 0.7, `${id}.${lang}.json is not much smaller than ${id}.json`);
    }
  }
});

for (const lang of LANGS) {
  test(`in ${lang}, one-language packs decide every golden case byte for byte as the whole packs`, async () => {
    const one = await createEngine({ asOf: DEFAULT_AS_OF, languages: [lang] });
    assert.deepEqual(one.loadedServices().sort(), whole.loadedServices().sort());
    for (const id of serviceIds) assert.deepEqual(one.loadedLanguages(id), [lang]);
    let compared = 0;
    for (const c of cases) {
      assert.equal(one.evaluateText(c.input, { lang }), whole.evaluateText(c.input, { lang }), c.name);
      assert.deepEqual(one.evaluate(c.input, { lang }), whole.evaluate(c.input, { lang }), c.name);
      assert.deepEqual(one.questions(c.input, { lang }), whole.questions(c.input, { lang }), c.name);
      compared++;
    }
    assert.equal(compared, cases.length);
    for (const id of serviceIds) assert.deepEqual(one.facts(id, { lang }), whole.facts(id, { lang }), id);
    one.release();
  });
}

test('a service loaded in one language refuses the others until it is loaded in them', async () => {
  const engine = await createEngine({ asOf: DEFAULT_AS_OF, services: ['visa'], languages: ['az'] });
  const profile = { service: 'visa', facts: { nationality: 'US' } };
  assert.equal(engine.evaluate(profile, { lang: 'az' }).status, 'needs_input');
  for (const options of [{ lang: 'en' }, { lang: 'ru' }, {}]) {
    const refused = engine.evaluate(profile, options);
    assert.equal(refused.status, 'error', JSON.stringify(options));
    assert.equal(refused.errors[0].code, 'service_not_loaded');
    assert.equal(refused.errors[0].path, '/service');
  }
  assert.equal(engine.facts('visa', { lang: 'en' }).errors[0].code, 'service_not_loaded');
  // The list of services keeps every title, in every language.
  assert.equal(engine.services({ lang: 'en' }).find((s) => s.id === 'visa').title, 'Visa to Azerbaijan');

  await engine.loadService('visa', { languages: ['az'] });  // already loaded: nothing to do
  await engine.loadService('visa', { languages: ['en'] });  // replaces the Azerbaijani pack
  assert.deepEqual(engine.loadedLanguages('visa'), ['en']);
  assert.equal(engine.evaluate(profile, { lang: 'en' }).status, 'needs_input');
  assert.equal(engine.evaluate(profile, { lang: 'az' }).errors[0].code, 'service_not_loaded');
  await engine.loadService('visa');  // every language
  assert.deepEqual(engine.loadedLanguages('visa'), LANGS);
  assert.equal(engine.evaluateText(profile, { lang: 'ru' }), whole.evaluateText(profile, { lang: 'ru' }));
  assert.equal(engine.evaluateText(profile), whole.evaluateText(profile));
  assert.deepEqual(engine.loadedLanguages('passport'), []);
  engine.release();
});

test('countries() names every country in each language, whatever is loaded', async () => {
  const engine = await createEngine({ services: [] });
  const en = engine.countries({ lang: 'en' });
  const ru = engine.countries({ lang: 'ru' });
  assert.ok(en.length > 240, `${en.length} countries`);
  assert.equal(ru.length, en.length);
  assert.deepEqual(en.map((c) => c.code), [...en.map((c) => c.code)].sort());
  assert.equal(en.find((c) => c.code === 'DE').name, 'Germany');
  assert.equal(ru.find((c) => c.code === 'DE').name, 'Германия');
  engine.release();
});

test('languages must be a non-empty list of en, az or ru', async () => {
  await assert.rejects(createEngine({ services: [], languages: ['fr'] }), TypeError);
  await assert.rejects(createEngine({ services: [], languages: [] }), TypeError);
  await assert.rejects(createEngine({ services: [], languages: 'az' }), TypeError);
  const engine = await createEngine({ services: [] });
  assert.throws(() => engine.loadService('visa', { languages: ['de'] }), TypeError);
  assert.throws(() => engine.loadService('visa', null), TypeError);
  // Two languages are not a pack of their own: the whole pack is loaded.
  await engine.loadService('visa', { languages: ['en', 'az'] });
  assert.deepEqual(engine.loadedLanguages('visa'), LANGS);
  engine.release();
});
