// Under the strict Content-Security-Policy a careful mission sends, on every demo page and through a
// whole interview: zero CSP violations, no request to any other origin, the .wasm served as
// application/wasm, and nothing stored (no cookies, no Web Storage, no IndexedDB). Also measures
// what a first visit downloads, raw and gzip (written to tests/web/artifacts/first-visit.json).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  ARTIFACTS, STRICT_CSP, useDemo, openDemo, widget, stepHeading, answer, outcome, openAllSummaries,
} from './support.mjs';


const demo = useDemo();

async function assertNothingStored(page, context) {
  assert.deepEqual(await context.cookies(), [], 'no cookies');
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
  }));
  assert.deepEqual(stored, { local: 0, session: 0, idb: 0 }, 'no Web Storage, no IndexedDB');
}

test('a whole interview under the strict CSP: no violation, no other origin, nothing stored', async () => {
  const { page, context, log } = await demo.page();
  const response = await page.goto(`${demo.origin}/`);
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
  await widget(page).evaluate((el) => el.setAttribute('as-of', '2026-11-21'));
  await stepHeading(page).filter({ hasText: 'What do you need?' }).waitFor();
  await answer(page, 'Visa to Azerbaijan');
  for (const value of [['united st', 'United States'], 'Ordinary passport', 'Tourism', 'Single entry', 20, '2026-12-10',
    34, '2030-01-01', 'No', 'None of these', 'No']) {
    await answer(page, value);
  }
  await outcome(page).waitFor();
  await openAllSummaries(page);
  await widget(page).getByRole('button', { name: /RU/ }).click();
  await stepHeading(page).filter({ hasText: 'Вам нужна виза' }).waitFor();
  await widget(page).getByRole('button', { name: 'Начать заново' }).click();
  await stepHeading(page).filter({ hasText: 'Что вам нужно?' }).waitFor();

  assert.deepEqual(log.csp, [], 'no CSP violation');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  const foreign = log.requests.filter((url) => new URL(url).origin !== demo.origin);
  assert.deepEqual(foreign, [], 'every request is to the page\'s own origin');
  const wasm = log.responses.find((r) => r.url().endsWith('/consular-eligibility/eligibility.wasm'));
  assert.ok(wasm, 'the engine was fetched');
  assert.equal(wasm.headers()['content-type'], 'application/wasm');
  await assertNothingStored(page, context);
  await context.close();
});

test('every demo page, with and without an embassy rules file, loads without a CSP violation', async () => {
  for (const path of ['/', '/visa.html', '/mission-rules.html']) {
    const { page, context, log } = await demo.page();
    await openDemo(page, demo.origin, path);
    assert.deepEqual(log.csp, [], `${path}: no CSP violation`);
    assert.deepEqual(log.consoleErrors, [], `${path}: no console error`);
    assert.deepEqual(log.requests.filter((url) => new URL(url).origin !== demo.origin), [], path);
    const rules = log.requests.filter((url) => /\.(json|bin)$/.test(url)).map((url) => new URL(url).pathname);
    if (path === '/mission-rules.html') {
      // The embassy's own service document, validated inside the built-in index's JSON.
      assert.deepEqual(rules.sort(), ['/consular-eligibility/rules/index.json', '/rules/embassy-rules.json'], `${path}: the embassy rules and the index`);
    } else if (path === '/visa.html') {
      // Rule packs: only the rules of the service the page names, in the page's language
      // (lang="az"), compiled, never the whole bundle.
      assert.deepEqual(rules, ['/consular-eligibility/rules/visa.az.bin'], `${path}: only the visa rules in Azerbaijani are fetched`);
    } else {
      assert.deepEqual(rules, [], `${path}: the service picker needs no service's rules`);
    }
    await assertNothingStored(page, context);
    await context.close();
  }
});

test('a rules-src on another origin is refused by the CSP, and the widget falls back politely', async () => {
  const { page, context, log } = await demo.page();
  await page.goto(`${demo.origin}/visa.html`);
  await widget(page).evaluate((el) => {
    el.setAttribute('lang', 'en');
    el.setAttribute('rules-src', 'https://rules.example.org/rules.json');
  });
  await widget(page).locator('[part="notice"]').waitFor();
  assert.match(await widget(page).locator('[part="notice"]').textContent(), /could not be loaded/);
  assert.equal(log.csp.length > 0, true, 'the browser itself refused the request');
  assert.deepEqual(log.requests.filter((url) => new URL(url).origin !== demo.origin), [], 'no request left the origin');
  await context.close();
});

test('first visit: every byte fetched until the first question is on screen, raw and gzip', async (t) => {
  const { page, context, log } = await demo.page();
  await openDemo(page, demo.origin, '/visa.html');
  const rows = [];
  for (const r of log.responses) {
    const body = await r.body();
    const sizes = await r.request().sizes();
    rows.push({
      path: new URL(r.url()).pathname,
      raw: body.length,
      transferred: sizes.responseBodySize,
      gzip9: gzipSync(body, { level: 9 }).length,
      encoding: r.headers()['content-encoding'] || 'identity',
    });
  }
  const sum = (list, key) => list.reduce((n, row) => n + row[key], 0);
  const widgetRows = rows.filter((row) => row.path.startsWith('/consular-eligibility/'));
  const report = {
    page: '/visa.html',
    total: { raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip9'), transferred: sum(rows, 'transferred') },
    widget: { raw: sum(widgetRows, 'raw'), gzip: sum(widgetRows, 'gzip9'), transferred: sum(widgetRows, 'transferred') },
    files: rows,
  };
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(join(ARTIFACTS, 'first-visit.json'), `${JSON.stringify(report, null, 2)}\n`);
  t.diagnostic(`first visit: ${report.total.raw} bytes raw, ${report.total.gzip} gzip (widget and engine: ${report.widget.raw} raw, ${report.widget.gzip} gzip)`);
  // What is fetched is the page, its stylesheet and icon, and the widget's own files, of which one
  // rules pack (the visa's, in Azerbaijani only, compiled: the index of services is in the wasm),
  // nothing else.
  const paths = rows.map((row) => row.path).sort();
  assert.ok(paths.includes('/consular-eligibility/eligibility.wasm'));
  assert.ok(paths.every((p) => ['/visa.html', '/site.css', '/favicon.svg'].includes(p) || p.startsWith('/consular-eligibility/')), paths.join(' '));
  assert.deepEqual(paths.filter((p) => /\.(json|bin)$/.test(p)), ['/consular-eligibility/rules/visa.az.bin']);
  // Every script of the widget asks V8 to compile it as it streams in (scripts/build-web.mjs): the
  // hint works only as the very first line.
  for (const r of log.responses) {
    if (!/^\/consular-eligibility\/.*\.m?js$/.test(new URL(r.url()).pathname)) continue;
    assert.equal((await r.text()).split('\n', 1)[0], '//# allFunctionsCalledOnLoad', r.url());
  }
  // The server compresses what it sends.
  const wasm = rows.find((row) => row.path.endsWith('.wasm'));
  assert.equal(wasm.encoding, 'gzip');
  assert.ok(wasm.transferred < wasm.raw / 2);
  await context.close();
});
