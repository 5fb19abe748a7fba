// End-to-end flows through the real widget on the demo site, in headless Chromium, each asserting
// what the applicant sees: texts, dates, amounts and document names, in the chosen language.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ROOT, AS_OF, useDemo, openDemo, widget, stepHeading, currentQuestion,
  answer, answerAll, clickContinue, nextStep, outcome,
} from './support.mjs';

const demo = useDemo();
let defaultRulesText;  // the built-in rules bundle, read once
let defaultVersion;

before(async () => {
  defaultRulesText = await readFile(join(ROOT, 'build', 'native', 'rules', 'default.json'), 'utf8');
  defaultVersion = JSON.parse(defaultRulesText).version;
});

/** Records the `decision` events the widget dispatches (they bubble out of the shadow root). */
async function recordDecisions(page) {
  await page.evaluate(() => {
    window.__decisions = [];
    document.addEventListener('decision', (e) => window.__decisions.push(e.detail));
  });
}

const decisions = (page) => page.evaluate(() => window.__decisions);

// A citizen of Türkiye (visa-free), 20 days from 10 December 2026, in the order the engine asks.
const TURKISH_VISITOR = [
  ['nationality', ['türk', 'Türkiye']],
  ['passport_type', 'Ordinary passport'],
  ['entry_date', '2026-12-10'],
  ['stay_days', 20],
  ['passport_expiry', '2030-01-01'],
];

// The answers of a US tourist, 34, 20 days from 10 December 2026, in the order the engine asks.
const US_TOURIST = [
  ['nationality', 'United States'],
  ['passport_type', 'Ordinary passport'],
  ['purpose', 'Tourism'],
  ['entries', 'Single entry'],
  ['stay_days', 20],
  ['entry_date', '2026-12-10'],
  ['age', 34],
  ['passport_expiry', '2030-01-01'],
  ['host_covers_medical', 'No'],
  ['state_fee_exemption', 'None of these'],
  ['urgent', 'No'],
];

async function startVisa(page) {
  await openDemo(page, demo.origin, '/');
  await assert.doesNotReject(stepHeading(page).filter({ hasText: 'What do you need?' }).waitFor());
  await answer(page, 'Visa to Azerbaijan');
}

test('visa-free: a citizen of Türkiye sees the agreement, the longest stay, the checks and the registration date', async () => {
  const { page, context, log } = await demo.page();
  await startVisa(page);
  await recordDecisions(page);
  assert.equal(await widget(page).locator('.ce-progress').textContent(), 'Question 1');
  await answerAll(page, TURKISH_VISITOR);
  const out = outcome(page);
  await assert.doesNotReject(out.waitFor());
  assert.equal(await stepHeading(page).textContent(), 'No visa needed: agreement with Türkiye (up to 90 days)');
  const verdict = out.locator('[part="verdict"]');
  assert.match(await verdict.textContent(), /Longest stay\s*90 days/);
  assert.match(await verdict.textContent(), /Confirm with the embassy or consulate\. Reported by official sources in the press\./);
  assert.equal(await out.locator('.ce-fees').count(), 0, 'no fees for a visa-free entry');
  const validity = out.locator('.ce-check', { hasText: 'Travel document valid for your whole stay' });
  assert.match(await validity.textContent(), /✓Met/);
  assert.equal(await validity.locator('time').getAttribute('datetime'), '2026-12-30');
  assert.match(await validity.textContent(), /Must be valid until at least\s*30 December 2026/);
  const registration = out.locator('.ce-deadline', { hasText: 'Registration at the place of stay' });
  assert.match(await registration.textContent(), /By 25 December 2026/);
  assert.equal(await registration.locator('time').getAttribute('datetime'), '2026-12-25');
  // The law behind the line, one click away.
  await verdict.locator('summary', { hasText: 'Why?' }).first().click();
  assert.match(await verdict.locator('.ce-why__body').first().textContent(), /Source:/);
  assert.match(await out.locator('.ce-stamp').textContent(), new RegExp(`Rules version ${defaultVersion.replace(/\./g, '\\.')} · checked for 21 November 2026`));
  const events = await decisions(page);
  assert.equal(events.length, 1);
  assert.equal(events[0].status, 'decided');
  assert.equal(events[0].verdict.code, 'visa_free');
  assert.equal(events[0].verdict.basis, 'agreement_turkiye');
  assert.equal(events[0].as_of, AS_OF);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('e-visa and consular visa side by side: fees, totals, apply-by date and each way\'s documents', async () => {
  const { page, context } = await demo.page();
  await startVisa(page);
  await answerAll(page, US_TOURIST);
  const out = outcome(page);
  assert.equal(await stepHeading(page).textContent(), 'You need a visa');
  const channels = out.locator('[part~="channel"]');
  assert.equal(await channels.count(), 2);
  const evisa = channels.filter({ hasText: 'ASAN e-visa (online)' });
  const consular = channels.filter({ hasText: 'Visa from an embassy or consulate of Azerbaijan' });
  // Side by side on a wide screen.
  const [a, b] = [await evisa.boundingBox(), await consular.boundingBox()];
  assert.equal(Math.round(a.y), Math.round(b.y));
  assert.ok(b.x > a.x + a.width - 1, 'the consular column is to the right of the e-visa column');
  // Fees and totals per way.
  assert.match(await evisa.locator('.ce-fee', { hasText: 'ASAN e-visa state fee' }).textContent(), /US\$20\.00/);
  const charge = evisa.locator('.ce-fee', { hasText: 'ASAN e-visa service charge' });
  assert.match(await charge.textContent(), /US\$3\.00/);
  assert.match(await charge.textContent(), /Confirm with the embassy or consulate\. Based on secondary sources\./);
  assert.match(await evisa.locator('[part="total"]').textContent(), /Total to pay\s*US\$23\.00/);
  assert.match(await consular.locator('[part="total"]').textContent(), /Total to pay\s*US\$20\.00/);
  // Time: when to apply for the e-visa, how long the consulate takes.
  assert.match(await evisa.locator('.ce-deadline', { hasText: 'Apply for the e-visa' }).textContent(), /By 7 December 2026/);
  assert.match(await consular.locator('.ce-deadline', { hasText: 'Decision on your visa application' }).textContent(), /Within 15 days/);
  // Where to apply.
  assert.match(await evisa.locator('.ce-notices').textContent(), /Where to apply for the e-visa.*evisa\.gov\.az/s);
  assert.match(await consular.locator('.ce-notices').textContent(), /Where to apply at an embassy or consulate/);
  // The consular documents, as a checklist the applicant can tick.
  const docs = consular.locator('.ce-document label');
  assert.deepEqual(await docs.allTextContents(), [
    'Visa application form', 'Passport and copies of its main pages', 'Two colour photos, 3×4 cm',
    'Copy of a medical insurance certificate', 'Proof that the visa fee is paid', 'Documents for the purpose of your trip',
  ]);
  const photos = consular.getByRole('checkbox', { name: 'Two colour photos, 3×4 cm' });
  await photos.check();
  assert.equal(await photos.isChecked(), true);
  // What holds either way.
  assert.match(await out.locator('.ce-common').textContent(), /Registration at the place of stay\s*By 25 December 2026/);
  assert.equal(await widget(page).getByRole('button', { name: 'Print this checklist' }).count(), 1);
  await context.close();
});

test('EU waiver: a German student sees the processing fee struck through, the waiver and a zero total', async () => {
  const { page, context } = await demo.page();
  await startVisa(page);
  await answerAll(page, [
    ['nationality', ['germ', 'Germany']],
    ['passport_type', 'Ordinary passport'],
    ['purpose', 'Study'],
    ['entries', 'Single entry'],
    ['stay_days', 60],
    ['entry_date', '2026-12-10'],
    ['age', 20],
    ['passport_expiry', '2030-01-01'],
    ['host_covers_medical', 'Yes'],
    ['inviter', 'A company or other organisation'],
    ['eu_category', 'Pupil, student, postgraduate or accompanying teacher travelling to study or train'],
    ['urgent', 'No'],
  ]);
  const out = outcome(page);
  assert.equal(await stepHeading(page).textContent(), 'You need a visa');
  const fee = out.locator('.ce-fee', { hasText: 'Visa processing fee for EU citizens' });
  assert.equal(await fee.locator('s').textContent(), '€35.00', 'the full amount, struck through');
  assert.match(await fee.textContent(), /To pay: €0\.00/);
  assert.match(await fee.locator('.ce-waiver').textContent(), /^Waived: No fee: pupils, students, postgraduates and accompanying teachers/);
  await fee.locator('summary').click();
  assert.match(await fee.locator('.ce-why__body').textContent(), /Source of the waiver:/);
  assert.match(await out.locator('[part="total"]').textContent(), /Total to pay\s*€0\.00/);
  assert.equal(await out.locator('.ce-channel-summary .ce-item__title').textContent(), 'Visa from an embassy or consulate of Azerbaijan');
  await context.close();
});

test('a minor travelling alone needs the parents\' permission; travelling with a parent, not', async () => {
  const { page, context } = await demo.page();
  await startVisa(page);
  await answerAll(page, [
    ...US_TOURIST.slice(0, 6),
    ['age', 15],
    ['accompanied', 'No'],
    ...US_TOURIST.slice(7),
  ]);
  const out = outcome(page);
  const docs = () => out.locator('.ce-document label').allTextContents();
  const minorDocs = ['Notarised copy of the child\'s birth certificate', 'Permission of the parents or legal representative',
    'Copies of the identity documents of the parents or legal representative'];
  for (const name of minorDocs) assert.ok((await docs()).includes(name), `${name} is listed`);
  // Change the answer: the child travels with a parent.
  await widget(page).getByRole('button', { name: /^Change: Will the child travel with a parent/ }).click();
  await stepHeading(page).filter({ hasText: 'Will the child travel with a parent or legal representative?' }).waitFor();
  assert.equal(await currentQuestion(page).getByLabel('No', { exact: true }).isChecked(), true, 'the earlier answer is pre-filled');
  await answer(page, 'Yes');
  await out.waitFor();
  for (const name of minorDocs) assert.ok(!(await docs()).includes(name), `${name} is no longer listed`);
  await context.close();
});

test('a passport that expires too soon stops the application; an expired one is an inline error in Russian', async () => {
  const { page, context } = await demo.page();
  await startVisa(page);
  await answerAll(page, US_TOURIST.slice(0, 7));
  // Expired before the date of the check: the engine rejects it; the applicant reads why, in Russian.
  await widget(page).evaluate((el) => el.setAttribute('lang', 'ru'));
  await stepHeading(page).filter({ hasText: 'До какого числа действителен ваш паспорт (или ID-карта)?' }).waitFor();
  await currentQuestion(page).locator('input').fill('2026-01-01');
  await clickContinue(page, 'Продолжить');
  const error = currentQuestion(page).locator('.ce-error-message');
  await error.waitFor();
  // The rules' own words for this inconsistency, in the applicant's language.
  assert.equal(await error.textContent(), 'Ошибка: Срок действия паспорта закончился раньше даты этой проверки. Перед поездкой получите новый паспорт.');
  const input = currentQuestion(page).locator('input');
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.equal(await input.evaluate((el) => el.getRootNode().activeElement === el), true, 'focus is on the field');
  assert.match(await input.getAttribute('aria-describedby'), /-error/);
  // Switching language keeps the error, now in English.
  await widget(page).evaluate((el) => el.setAttribute('lang', 'en'));
  await stepHeading(page).filter({ hasText: 'Until what date is your passport (or ID card) valid?' }).waitFor();
  assert.equal(await currentQuestion(page).locator('.ce-error-message').textContent(),
    'Error: The passport expiry date is before the date of this check: the passport has expired. Renew it before you travel.');
  // Valid, but less than 3 months after the stay.
  await answerAll(page, [['passport_expiry', '2027-01-15'], ...US_TOURIST.slice(8)]);
  const out = outcome(page);
  const problem = out.locator('[part="problem"]');
  assert.match(await problem.textContent(), /^Before you apply/);
  assert.match(await problem.textContent(), /Visa from an embassy or consulate of Azerbaijan: Passport valid at least 3 months after the visa ends — Your passport expires too soon for this visa\. Renew it before you apply\./);
  const check = out.locator('.ce-check--fail', { hasText: 'Passport valid at least 3 months after the visa ends' });
  assert.match(await check.textContent(), /✗Not met/);
  assert.match(await check.textContent(), /This stops the application\./);
  assert.match(await check.textContent(), /Must be valid until at least\s*30 March 2027/);
  await context.close();
});

test('a number outside the rules\' range is refused with the range, in the applicant\'s words', async () => {
  const { page, context } = await demo.page();
  await startVisa(page);
  await answerAll(page, US_TOURIST.slice(0, 4));
  await stepHeading(page).filter({ hasText: 'How many days will you stay?' }).waitFor();
  assert.equal(await currentQuestion(page).locator('.ce-hint').textContent(), 'Enter a whole number from 1 to 1825.');
  const input = currentQuestion(page).locator('input');
  assert.equal(await input.getAttribute('inputmode'), 'numeric');
  await input.fill('2000');
  await clickContinue(page);
  const error = currentQuestion(page).locator('.ce-error-message');
  await error.waitFor();
  assert.equal(await error.textContent(), 'Error: Enter a number from 1 to 1825.');
  assert.equal(await input.inputValue(), '2000', 'what was typed stays in the field');
  await input.fill('twenty');
  await clickContinue(page);
  await error.filter({ hasText: 'Enter a whole number, for example 12.' }).waitFor();
  await answer(page, 20);
  assert.equal(await stepHeading(page).textContent(), 'On what date do you plan to arrive in Azerbaijan?');
  await context.close();
});

test('changing an earlier answer keeps the others and asks only what the new flow needs', async () => {
  const { page, context } = await demo.page();
  await startVisa(page);
  await recordDecisions(page);
  await answerAll(page, US_TOURIST);
  await outcome(page).waitFor();
  assert.equal(await stepHeading(page).textContent(), 'You need a visa');
  // Change the nationality: Türkiye needs no visa, and everything it needs is already answered.
  await widget(page).getByRole('button', { name: /^Change: What is your citizenship/ }).click();
  const combo = currentQuestion(page).getByRole('combobox');
  assert.equal(await combo.inputValue(), 'United States', 'the earlier answer is pre-filled');
  await answer(page, ['turkiye', 'Türkiye']);
  assert.equal(await stepHeading(page).textContent(), 'No visa needed: agreement with Türkiye (up to 90 days)');
  const rows = widget(page).locator('.ce-answers__row dt');
  assert.deepEqual(await rows.allTextContents(), [
    'Service',
    'What is your citizenship (the country that issued the passport you will travel on)?',
    'Which travel document will you use?',
    'On what date do you plan to arrive in Azerbaijan?',
    'How many days will you stay? For a multiple-entry visa: for how many days should the visa be valid?',
    'Until what date is your passport (or ID card) valid?',
  ], 'the summary shows only what this flow asked');
  // Back to the United States: the kept answers decide at once, nothing is asked again.
  await widget(page).getByRole('button', { name: /^Change: What is your citizenship/ }).click();
  await answer(page, ['united st', 'United States']);
  assert.equal(await stepHeading(page).textContent(), 'You need a visa');
  assert.equal(await widget(page).locator('.ce-answers__row').count(), US_TOURIST.length + 1);
  const events = await decisions(page);
  assert.deepEqual(events.map((d) => d.verdict.code), ['visa_required', 'visa_free', 'visa_required']);
  await context.close();
});

test('switching language mid-flow keeps the answers, the step and an unfinished answer', async () => {
  const { page, context, log } = await demo.page();
  await startVisa(page);
  await answerAll(page, [['nationality', ['germ', 'Germany']], ['passport_type', 'Ordinary passport']]);
  await currentQuestion(page).getByLabel('Business', { exact: true }).check();
  const packs = () => log.requests.filter((url) => url.includes('/rules/visa')).map((url) => new URL(url).pathname.split('/').pop());
  assert.deepEqual(packs(), ['visa.en.bin'], 'the rules were downloaded in English only');
  await widget(page).getByRole('button', { name: /RU/ }).click();
  await stepHeading(page).filter({ hasText: 'Какова основная цель поездки?' }).waitFor();
  assert.deepEqual(packs(), ['visa.en.bin', 'visa.ru.bin'], 'and in Russian when the applicant switched');
  assert.equal(await widget(page).getByRole('button', { name: /RU/ }).evaluate((el) => el.getRootNode().activeElement === el), true,
    'focus stays on the language switch while the rules arrive');
  assert.equal(await widget(page).getAttribute('lang'), 'ru');
  assert.equal(await widget(page).locator('.ce-progress').textContent(), 'Вопрос 3');
  assert.equal(await currentQuestion(page).getByLabel('Деловая поездка', { exact: true }).isChecked(), true, 'the unfinished answer is kept');
  await widget(page).locator('.ce-answers__summary').click();
  assert.match(await widget(page).locator('.ce-answers--so-far').textContent(), /Германия/);
  await widget(page).getByRole('button', { name: /AZ/ }).click();
  await stepHeading(page).filter({ hasText: 'Səfərinizin əsas məqsədi nədir?' }).waitFor();
  assert.equal(await widget(page).getByRole('button', { name: /AZ/ }).getAttribute('aria-pressed'), 'true');
  await answerAll(page, [
    ['purpose', 'Turizm'],
    ['entries', 'Birdəfəlik giriş'],
    ['stay_days', 20],
    ['entry_date', '2026-12-10'],
    ['age', 34],
    ['passport_expiry', '2030-01-01'],
    ['host_covers_medical', 'Xeyr'],
    ['eu_category', 'Heç biri'],
    ['urgent', 'Xeyr'],
  ], { continueLabel: 'Davam et' });
  const out = outcome(page);
  assert.equal(await stepHeading(page).textContent(), 'Sizə viza lazımdır');
  assert.match(await out.locator('.ce-common').textContent(), /25 dekabr 2026 tarixinədək/);
  assert.match(await out.locator('[part="total"]').first().textContent(), /Ödəniləcək cəmi/);
  assert.match(await out.locator('.ce-stamp').textContent(), /yoxlama tarixi: 21 noyabr 2026/);
  // And back to English on the outcome.
  await widget(page).getByRole('button', { name: /EN/ }).click();
  await stepHeading(page).filter({ hasText: 'You need a visa' }).waitFor();
  assert.match(await out.locator('.ce-common').textContent(), /By 25 December 2026/);
  await context.close();
});

test('a rules file that cannot be loaded or does not validate leaves the widget working, with a polite notice', async () => {
  const cases = [
    { name: 'missing (404)', src: '/rules/no-such-file.json' },
    { name: 'not valid', src: '/rules/broken.json', route: { status: 200, contentType: 'application/json', body: '{"format": 1, "version": "x"}' } },
    { name: 'network error', src: '/rules/unreachable.json', abort: true },
  ];
  for (const c of cases) {
    const { page, context, log } = await demo.page();
    if (c.route) await page.route(`${demo.origin}${c.src}`, (route) => route.fulfill(c.route));
    if (c.abort) await page.route(`${demo.origin}${c.src}`, (route) => route.abort('connectionrefused'));
    await page.goto(`${demo.origin}/visa.html`);
    await widget(page).evaluate((el, src) => {
      el.setAttribute('as-of', '2026-11-21');
      el.setAttribute('lang', 'en');
      el.setAttribute('rules-src', src);
    }, c.src);
    const notice = widget(page).locator('[part="notice"]');
    await notice.waitFor();
    assert.equal(await notice.textContent(),
      `This embassy’s updated rules could not be loaded, so the standard rules (version ${defaultVersion}) are used. Please confirm the result with the embassy.`, c.name);
    assert.equal(await stepHeading(page).textContent(), 'What is your citizenship (the country that issued the passport you will travel on)?', c.name);
    await answer(page, ['germ', 'Germany']);
    assert.equal(await stepHeading(page).textContent(), 'Which travel document will you use?', c.name);
    // In the applicant's language too.
    await widget(page).evaluate((el) => el.setAttribute('lang', 'az'));
    await stepHeading(page).filter({ hasText: 'Hansı sənədlə səfər edəcəksiniz?' }).waitFor();
    assert.match(await notice.textContent(), /^Səfirliyin yenilənmiş qaydalarını yükləmək mümkün olmadı/);
    assert.deepEqual(log.pageErrors, [], c.name);
    await context.close();
  }
});

test('the embassy\'s own valid rules are used: its version on the stamp, its notice in the result', async () => {
  const { page, context } = await demo.page();
  await openDemo(page, demo.origin, '/mission-rules.html');
  assert.equal(await widget(page).locator('[part="notice"]').isVisible(), false, 'no fallback notice');
  await answerAll(page, TURKISH_VISITOR);
  const out = outcome(page);
  assert.match(await out.locator('.ce-stamp').textContent(), new RegExp(`Rules version ${defaultVersion.replace(/\./g, '\\.')}\\+embassy-demo`));
  assert.match(await out.textContent(), /This embassy’s consular section \(demonstration\)/);
  assert.match(await page.locator('#last-decision').textContent(), /verdict visa_free; rules version .*\+embassy-demo, as of 2026-11-21/);
  await context.close();
});

test('text from a rules file is shown as text, never as HTML', async () => {
  const payload = '<img src=x onerror="window.__xss=1">';
  const rules = JSON.parse(defaultRulesText);  // a fresh copy: this test changes it
  const visa = rules.services.find((s) => s.service === 'visa');
  visa.facts.find((f) => f.id === 'nationality').question.en = `${payload} Your citizenship?`;
  for (const v of visa.verdicts) v.title.en = `${payload}<b>bold</b>`;
  const { page, context } = await demo.page();
  await page.route(`${demo.origin}/rules/xss.json`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(rules) }));
  await page.goto(`${demo.origin}/visa.html`);
  await widget(page).evaluate((el) => {
    el.setAttribute('as-of', '2026-11-21');
    el.setAttribute('lang', 'en');
    el.setAttribute('rules-src', '/rules/xss.json');
  });
  await stepHeading(page).filter({ hasText: 'Your citizenship?' }).waitFor();
  assert.equal(await stepHeading(page).textContent(), `${payload} Your citizenship?`);
  await answerAll(page, TURKISH_VISITOR);
  assert.equal(await stepHeading(page).textContent(), `${payload}<b>bold</b>`);
  const injected = await widget(page).evaluate((el) => el.shadowRoot.querySelectorAll('img, b').length);
  assert.equal(injected, 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await context.close();
});

test('while the engine loads, a text says so; attributes set later take effect', async () => {
  const { page, context } = await demo.page();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(`${demo.origin}/consular-eligibility/eligibility.wasm`, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${demo.origin}/`);
  const loading = widget(page).locator('.ce-loading');
  await loading.waitFor();
  assert.equal(await loading.textContent(), 'Loading the checker…');
  assert.equal(await loading.getAttribute('role'), 'status');
  await widget(page).evaluate((el) => el.setAttribute('lang', 'az'));
  await loading.filter({ hasText: 'Yoxlama yüklənir…' }).waitFor();
  release();
  await stepHeading(page).filter({ hasText: 'Sizə nə lazımdır?' }).waitFor();
  // A service set later skips the list; removed, the list comes back.
  await widget(page).evaluate((el) => el.setAttribute('service', 'passport'));
  await stepHeading(page).filter({ hasText: 'Azərbaycandan kənarda müraciət edirsiniz?' }).waitFor();
  assert.equal(await widget(page).locator('[part="header"] .ce-brand').textContent(), 'Səfirlik və ya konsulluq vasitəsilə ümumvətəndaş pasportu');
  await widget(page).evaluate((el) => el.removeAttribute('service'));
  await stepHeading(page).filter({ hasText: 'Sizə nə lazımdır?' }).waitFor();
  await context.close();
});

test('if the engine cannot load, the applicant is told to contact the embassy, in their language', async () => {
  const { page, context } = await demo.page();
  await page.route(`${demo.origin}/consular-eligibility/eligibility.wasm`, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto(`${demo.origin}/visa.html`);
  await widget(page).evaluate((el) => el.setAttribute('lang', 'ru'));
  const failure = widget(page).locator('[part="error"]');
  await failure.waitFor();
  assert.equal(await failure.getAttribute('role'), 'alert');
  assert.equal(await failure.locator('h2').textContent(), 'Не удалось показать проверку');
  assert.match(await failure.textContent(), /обратитесь в посольство или консульство/);
  await context.close();
});

test('the passport service, chosen from the list: validity and fingerprints by age, an unknown fee to confirm', async () => {
  const { page, context } = await demo.page();
  await openDemo(page, demo.origin, '/');
  await answer(page, 'Azerbaijani general passport through an embassy or consulate');
  await answerAll(page, [
    ['abroad', 'Yes'],
    ['age', 10],
    ['parental_care', 'Yes'],
    ['child_id_card', 'No'],
    ['lost_or_stolen', 'No'],
    ['previous_passport', 'There was none: this is the first passport'],
    ['urgent_grounds', 'No'],
  ]);
  const out = outcome(page);
  assert.equal(await stepHeading(page).textContent(), 'Passport valid for 5 years (aged 3 to 17)');
  const verdict = out.locator('[part="verdict"]');
  assert.match(await verdict.textContent(), /Valid for\s*5 years/);
  assert.match(await verdict.textContent(), /Fingerprints taken\s*No/);
  const fee = out.locator('.ce-fee', { hasText: 'State duty for the passport' });
  assert.match(await fee.textContent(), /Amount not known/);
  assert.match(await fee.textContent(), /Confirm with the embassy or consulate\. Our sources do not give the amount\./);
  assert.match(await out.locator('[part="total"]').textContent(), /plus fees whose amount our sources do not give/);
  assert.ok((await out.locator('.ce-document label').allTextContents()).includes('The child\'s birth certificate'));
  // The service can be changed from the summary.
  assert.equal(await widget(page).locator('.ce-answers__row dt').first().textContent(), 'Service');
  await context.close();
});

test('registration: the date to register by, counted from the arrival date', async () => {
  const { page, context } = await demo.page();
  await openDemo(page, demo.origin, '/');
  await answer(page, 'Registration at the place of stay');
  const asked = [];
  for (let i = 0; i < 10 && !(await outcome(page).count()); i++) {
    const fact = await currentQuestion(page).getAttribute('data-fact');
    asked.push(fact);
    const answers = {
      nationality: ['united st', 'United States'], stay_days: 30, arrival_date: '2026-12-01',
      arrived_visa_free: 'No', changing_place: 'No',
    };
    assert.ok(fact in answers, `unexpected question ${fact}`);
    await answer(page, answers[fact]);
  }
  assert.deepEqual(asked.slice(0, 2), ['nationality', 'stay_days']);
  const deadline = outcome(page).locator('.ce-deadline[data-id="registration_at_place_of_stay"]');
  await deadline.waitFor();
  assert.equal(await deadline.locator('time').getAttribute('datetime'), '2026-12-16');
  assert.match(await deadline.textContent(), /By 16 December 2026/);
  await context.close();
});

test('a diplomatic passport: a check the sources cannot settle says so and asks to confirm', async () => {
  const { page, context } = await demo.page();
  await startVisa(page);
  await answerAll(page, [['nationality', ['united st', 'United States']], ['passport_type', 'Diplomatic passport']]);
  for (let i = 0; i < 15 && !(await outcome(page).count()); i++) {
    const q = currentQuestion(page);
    const type = await q.getAttribute('data-type');
    const fact = await q.getAttribute('data-fact');
    if (type === 'int') await answer(page, fact === 'age' ? 40 : 10);
    else if (type === 'date') await answer(page, fact === 'passport_expiry' ? '2030-01-01' : '2026-12-10');
    else if (type === 'bool') await answer(page, 'No');
    else {
      const first = await q.locator('input[type=radio]').first().getAttribute('id');
      await q.locator(`label[for="${first}"]`).click();
      const heading = await stepHeading(page).textContent();
      await clickContinue(page);
      await nextStep(page, heading);
    }
  }
  const check = outcome(page).locator('.ce-check--unknown', { hasText: 'Agreement for your diplomatic or service passport' });
  assert.match(await check.textContent(), /\?Cannot be checked here/);
  assert.match(await check.textContent(), /Confirm with the embassy or consulate\. Our sources cannot settle this\./);
  await context.close();
});

test('keyboard only: choose, answer, go back and forward with the answers kept', async () => {
  const { page, context } = await demo.page();
  await openDemo(page, demo.origin, '/visa.html', { lang: 'en' });
  const combo = currentQuestion(page).getByRole('combobox');
  await combo.focus();
  await page.keyboard.type('germa');
  assert.equal(await combo.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('ArrowDown');
  const active = await combo.getAttribute('aria-activedescendant');
  assert.equal(await widget(page).locator(`[id="${active}"]`).textContent(), 'Germany');
  await page.keyboard.press('Enter');
  assert.equal(await combo.inputValue(), 'Germany');
  assert.equal(await combo.getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('Enter'); // submits: Continue
  await stepHeading(page).filter({ hasText: 'Which travel document will you use?' }).waitFor();
  assert.equal(await stepHeading(page).evaluate((el) => el.getRootNode().activeElement === el), true, 'focus moves to the new question');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  assert.equal(await currentQuestion(page).getByLabel('Ordinary passport').isChecked(), true);
  await page.keyboard.press('Enter');
  await stepHeading(page).filter({ hasText: 'What is the main purpose of your trip?' }).waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // Tourism -> Business
  await page.keyboard.press('Space');
  assert.equal(await currentQuestion(page).getByLabel('Business', { exact: true }).isChecked(), true);
  await page.keyboard.press('Enter');
  await stepHeading(page).filter({ hasText: 'How many times do you need to enter Azerbaijan on this visa?' }).waitFor();
  assert.equal(await widget(page).locator('.ce-progress').textContent(), 'Question 4');
  // Back twice, with the keyboard: the answers are there.
  const back = widget(page).getByRole('button', { name: 'Back', exact: true });
  await back.focus();
  await page.keyboard.press('Enter');
  await stepHeading(page).filter({ hasText: 'What is the main purpose of your trip?' }).waitFor();
  assert.equal(await currentQuestion(page).getByLabel('Business', { exact: true }).isChecked(), true);
  await back.focus();
  await page.keyboard.press('Enter');
  await stepHeading(page).filter({ hasText: 'Which travel document will you use?' }).waitFor();
  assert.equal(await currentQuestion(page).getByLabel('Ordinary passport').isChecked(), true);
  // And forward again through the pre-filled answers to where the applicant was.
  await widget(page).getByRole('button', { name: 'Continue' }).focus();
  await page.keyboard.press('Enter');
  await stepHeading(page).filter({ hasText: 'What is the main purpose of your trip?' }).waitFor();
  await widget(page).getByRole('button', { name: 'Continue' }).focus();
  await page.keyboard.press('Enter');
  await stepHeading(page).filter({ hasText: 'How many times do you need to enter Azerbaijan on this visa?' }).waitFor();
  assert.equal(await widget(page).locator('.ce-progress').textContent(), 'Question 4');
  // Nothing chosen: an inline error, focus on the first option.
  await widget(page).getByRole('button', { name: 'Continue' }).focus();
  await page.keyboard.press('Enter');
  const error = currentQuestion(page).locator('.ce-error-message');
  await error.waitFor();
  assert.equal(await error.textContent(), 'Error: Select an answer.');
  assert.equal(await currentQuestion(page).getByLabel('Single entry').evaluate((el) => el.getRootNode().activeElement === el), true);
  await context.close();
});

test('the country list finds a country by its name in any language, its code, without diacritics', async () => {
  const { page, context } = await demo.page();
  await openDemo(page, demo.origin, '/visa.html', { lang: 'az' });
  const combo = currentQuestion(page).getByRole('combobox');
  const options = () => widget(page).getByRole('option').allTextContents();
  await combo.fill('germany');
  assert.deepEqual(await options(), ['Almaniya — Germany']);
  await combo.fill('ГЕРМАН');
  assert.deepEqual(await options(), ['Almaniya — Германия']);
  await combo.fill('de');
  assert.equal((await options())[0], 'Almaniya — DE');
  await combo.fill('turkiye');
  assert.equal((await options())[0], 'Türkiyə');
  await combo.fill('cote d');
  assert.deepEqual(await options(), ['Kot Divuar — Côte d\'Ivoire']);
  // Everyday names the iso-codes catalogues lack are found through the browser's own (CLDR) names.
  await combo.fill('турция');
  assert.equal((await options())[0], 'Türkiyə — Турция');
  await combo.fill('великобритания');
  assert.equal((await options())[0], 'United Kingdom — Великобритания');
  await combo.fill('azerbaycan');
  assert.deepEqual(await options(), [], 'Azerbaijan is not offered for a visa to Azerbaijan');
  assert.equal(await widget(page).locator('.ce-combo__empty').textContent(), 'Yazdığınıza uyğun ölkə tapılmadı.');
  await combo.fill('birləşmiş');
  assert.ok((await options()).includes('Birləşmiş Ştatlar'));
  // Typing a name exactly and pressing Continue chooses it.
  await combo.fill('Almaniya');
  await clickContinue(page, 'Davam et');
  await stepHeading(page).filter({ hasText: 'Hansı sənədlə səfər edəcəksiniz?' }).waitFor();
  await context.close();
});
