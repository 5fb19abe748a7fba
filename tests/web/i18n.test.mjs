// The widget's own words: every text in all three languages, a label for every output the shipped
// rules use and a text for every error code the engine can return; and the source rules that keep
// the widget safe under a strict CSP (no markup from strings, no inline styles, no storage).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support.mjs';
import { LANGS, STRINGS, OUTPUT_KINDS, MONTHS, t, loadLanguage } from '../../web/i18n.js';

// Each language is a module of its own: load them all to compare them.
await Promise.all(LANGS.map(loadLanguage));

const PLURAL_FORMS = { en: ['one', 'other'], az: [], ru: ['one', 'few', 'many', 'other'] };

function placeholders(text) {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

function shapeOf(value) {
  if (typeof value === 'string') return placeholders(value);
  return Object.values(value).flatMap((v) => placeholders(v)).filter((v, i, a) => a.indexOf(v) === i).sort();
}

test('every key exists in every language, with the same placeholders, and plurals have every form', () => {
  const keys = (lang) => Object.keys(STRINGS[lang]).filter((k) => k !== 'errors' && k !== 'outputs').sort();
  for (const lang of LANGS) {
    assert.deepEqual(keys(lang), keys('en'), `${lang} has exactly the English keys`);
    for (const key of keys('en')) {
      const value = STRINGS[lang][key];
      assert.ok(typeof value === 'string' || (value && typeof value === 'object'), `${lang}.${key}`);
      assert.deepEqual(shapeOf(value), shapeOf(STRINGS.en[key]), `${lang}.${key} has the placeholders of en.${key}`);
      if (typeof value === 'object') {
        for (const form of PLURAL_FORMS[lang]) assert.equal(typeof value[form], 'string', `${lang}.${key}.${form}`);
        assert.equal(typeof value.other, 'string', `${lang}.${key}.other`);
      }
      const texts = typeof value === 'string' ? [value] : Object.values(value);
      for (const text of texts) assert.ok(text.trim().length > 0, `${lang}.${key} is not empty`);
    }
    assert.equal(MONTHS[lang].length, 12);
  }
  assert.equal(t('ru', 'days', { n: 1 }), '1 день');
  assert.equal(t('ru', 'days', { n: 3 }), '3 дня');
  assert.equal(t('ru', 'days', { n: 90 }), '90 дней');
  assert.equal(t('ru', 'within_days', { n: 21 }), 'В течение 21 дня');
  assert.equal(t('en', 'within_working_days', { n: 1 }), 'Within 1 working day');
  assert.equal(t('az', 'days', { n: 90 }), '90 gün');
});

test('every output name used in the shipped rules has a label in all three languages', async () => {
  const rules = JSON.parse(await readFile(join(ROOT, 'build', 'native', 'rules', 'default.json'), 'utf8'));
  const names = new Set();
  const collect = (record) => { for (const name of Object.keys(record.outputs || {})) names.add(name); };
  for (const service of rules.services) {
    for (const section of ['verdicts', 'fees', 'waivers', 'documents', 'checks', 'deadlines', 'notices']) {
      for (const record of service[section] || []) {
        collect(record);
        for (const channel of record.channels || []) collect(channel);
      }
    }
  }
  assert.ok(names.size >= 10, `found the outputs: ${[...names].join(', ')}`);
  for (const name of names) {
    assert.ok(OUTPUT_KINDS[name], `output ${name} has a kind (how its value is shown)`);
    for (const lang of LANGS) {
      const label = STRINGS[lang].outputs[name];
      assert.ok(typeof label === 'string' && label.trim(), `output ${name} has a label in ${lang}`);
    }
  }
});

test('every error code of the contract has the applicant\'s words in all three languages', async () => {
  const codes = new Set(['required', 'unknown_field', 'duplicate_key', 'invalid_rules']);
  // CONTRACT.md section 3 (beside the repository in CI and on developers' machines) …
  const contract = join(ROOT, '..', 'shared', 'CONTRACT.md');
  if (existsSync(contract)) {
    const text = await readFile(contract, 'utf8');
    // "Codes include `invalid_json`, …, `input_too_large`." and "… with … code `invalid_rules`",
    // leaving out what the parentheses mention in passing (`as_of`).
    const section = text.slice(text.indexOf('## 3. Errors'), text.indexOf('## 4.'));
    const listed = section.slice(section.indexOf('Codes include')).replace(/\([^)]*\)/g, '');
    for (const m of listed.matchAll(/`([a-z_]+)`/g)) codes.add(m[1]);
  }
  // … and the JavaScript API's own list.
  const dts = await readFile(join(ROOT, 'wasm', 'js', 'engine.d.ts'), 'utf8');
  const union = /export type ErrorCode =([^;]+);/.exec(dts);
  assert.ok(union, 'engine.d.ts declares ErrorCode');
  for (const m of union[1].matchAll(/'([a-z_]+)'/g)) codes.add(m[1]);
  for (const code of ['invalid_json', 'unknown_service', 'unknown_fact', 'wrong_type', 'out_of_range', 'invalid_date',
    'unknown_country', 'not_an_option', 'inconsistent', 'input_too_large']) {
    assert.ok(codes.has(code), `${code} is listed`);
  }
  for (const code of codes) {
    for (const lang of LANGS) {
      const text = STRINGS[lang].errors[code];
      assert.ok(typeof text === 'string' && text.trim(), `error ${code} has a text in ${lang}`);
      assert.deepEqual(placeholders(text), placeholders(STRINGS.en.errors[code]), `${lang} error ${code} placeholders`);
    }
  }
});

test('the widget never turns strings into markup, never styles inline, never stores anything', async () => {
  const dir = join(ROOT, 'web');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.js'));
  assert.ok(files.length >= 7);
  const forbidden = [
    [/\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/, 'markup from strings'],
    [/\beval\s*\(|new\s+Function\b|setTimeout\s*\(\s*['"`]/, 'code from strings'],
    [/createElement\(\s*['"]style['"]\s*\)|setAttribute\(\s*['"]style['"]|\.style\.|cssText|adoptedStyleSheets/, 'inline styles (blocked by style-src \'self\')'],
    [/localStorage|sessionStorage|indexedDB|document\.cookie|caches\.|serviceWorker|sendBeacon|XMLHttpRequest|WebSocket/, 'storage or other network'],
  ];
  for (const file of files) {
    const source = await readFile(join(dir, file), 'utf8');
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ .*$/gm, '');
    for (const [pattern, what] of forbidden) assert.doesNotMatch(code, pattern, `${file}: ${what}`);
  }
  // The only fetch is the mission's rules file, with the page's own credentials policy.
  const element = await readFile(join(dir, 'consular-eligibility.js'), 'utf8');
  assert.equal((element.match(/fetch\(/g) || []).length, 1);
  assert.match(element, /credentials: 'same-origin'/);
});
