// Small screens and paper: at 360×640 (and 320 px wide) nothing of the widget is wider than the
// screen and the page never scrolls sideways; printed, the outcome is a one-page checklist stamped
// with the rules version and the date of the check. Screenshots go to tests/web/artifacts/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  ARTIFACTS, useDemo, openDemo, widget, stepHeading, currentQuestion, answer,
  outcome, openAllSummaries, screenshot, overflowingElements,
} from './support.mjs';

const demo = useDemo();

const MOBILE = { width: 360, height: 640 };

async function assertNoOverflow(page, where) {
  const o = await overflowingElements(page);
  assert.ok(o.scrollWidth <= o.innerWidth, `${where}: the page scrolls sideways (${o.scrollWidth} > ${o.innerWidth})`);
  assert.deepEqual(o.elements, [], `${where}: elements wider than the screen`);
}

const US_TOURIST = {
  en: [['united st', 'United States'], 'Ordinary passport', 'Tourism', 'Single entry', 20, '2026-12-10', 34, '2030-01-01', 'No', 'None of these', 'No'],
  az: [['birləşmiş ş', 'Birləşmiş Ştatlar'], 'Ümumvətəndaş pasportu', 'Turizm', 'Birdəfəlik giriş', 20, '2026-12-10', 34, '2030-01-01', 'Xeyr', 'Heç biri', 'Xeyr'],
  ru: [['соединённые ш', 'Соединённые штаты'], 'Обычный (общегражданский) паспорт', 'Туризм', 'Однократный въезд', 20, '2026-12-10', 34, '2030-01-01', 'Нет', 'Ни одна из этих категорий', 'Нет'],
};
const CONTINUE = { en: 'Continue', az: 'Davam et', ru: 'Продолжить' };

async function usTouristOutcome(page, lang, onStep) {
  await openDemo(page, demo.origin, '/visa.html', { lang });
  for (const [i, value] of US_TOURIST[lang].entries()) {
    if (onStep) await onStep(i);
    await answer(page, value, { continueLabel: CONTINUE[lang] });
  }
  await outcome(page).waitFor();
}

test('on a 360×640 phone every step fits the screen', async () => {
  const { page, context } = await demo.page({ viewport: MOBILE });
  await openDemo(page, demo.origin, '/');
  await assertNoOverflow(page, 'service picker');
  await screenshot(page, 'mobile-360-1-picker');
  await answer(page, 'Visa to Azerbaijan');
  await currentQuestion(page).getByRole('combobox').fill('united');
  await widget(page).getByRole('option').first().waitFor();
  await assertNoOverflow(page, 'country list open');
  await currentQuestion(page).getByRole('combobox').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'mobile-360-2-country-list', { fullPage: false });
  await currentQuestion(page).getByRole('combobox').fill('');
  for (const [i, value] of US_TOURIST.en.entries()) {
    await assertNoOverflow(page, `question ${i + 1}`);
    if (i === 5) await screenshot(page, 'mobile-360-3-date-question');
    await answer(page, value);
  }
  await outcome(page).waitFor();
  await openAllSummaries(page);
  await assertNoOverflow(page, 'outcome with every citation open');
  // Stacked, one way under the other.
  const channels = await outcome(page).locator('[part~="channel"]').all();
  const [a, b] = [await channels[0].boundingBox(), await channels[1].boundingBox()];
  assert.ok(b.y >= a.y + a.height - 1, 'the two ways are stacked on a phone');
  await screenshot(page, 'mobile-360-4-outcome');
  await context.close();
});

test('at 320 px, the narrowest screen supported, the outcome still fits', async () => {
  const { page, context } = await demo.page({ viewport: { width: 320, height: 640 } });
  await usTouristOutcome(page, 'ru', async () => assertNoOverflow(page, 'a question at 320 px'));
  await openAllSummaries(page);
  await assertNoOverflow(page, 'outcome at 320 px (ru)');
  await screenshot(page, 'mobile-320-ru-outcome');
  await context.close();
});

test('printed, the outcome is a one-page checklist with the rules version and the date, in each language', async () => {
  for (const lang of ['en', 'az', 'ru']) {
    const { page, context } = await demo.page();
    await usTouristOutcome(page, lang);
    await page.emulateMedia({ media: 'print' });
    // A4 at 96 dpi less the demo page's 12 mm margins.
    await page.setViewportSize({ width: 703, height: 1031 });
    assert.equal(await widget(page).locator('[part="header"]').isVisible(), false, 'no language switch on paper');
    assert.equal(await widget(page).getByRole('button', { name: CONTINUE[lang] }).count(), 0);
    assert.equal(await widget(page).locator('.ce-actions').first().isVisible(), false, 'no buttons on paper');
    assert.equal(await page.locator('.site-header').isVisible(), false, 'the page prints the checklist alone');
    const stamp = outcome(page).locator('[part="stamp"]');
    assert.equal(await stamp.isVisible(), true);
    assert.match(await stamp.textContent(), /2026-11-21\.\d+.*(21 November 2026|21 noyabr 2026|21 ноября 2026)/);
    assert.ok(await outcome(page).locator('.ce-checkbox__input').first().isVisible(), 'tick boxes on paper');
    await assertNoOverflow(page, `print (${lang})`);
    await screenshot(page, `print-${lang}`);
    const pdf = await page.pdf({ path: join(ARTIFACTS, `print-${lang}.pdf`), format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || [];
    assert.equal(pages.length, 1, `the ${lang} checklist prints on one A4 page`);
    await context.close();
  }
});

test('at 1280 px the two ways to apply stand side by side (screenshot)', async () => {
  const { page, context } = await demo.page({ viewport: { width: 1280, height: 900 } });
  await usTouristOutcome(page, 'en');
  await assertNoOverflow(page, 'desktop outcome');
  await screenshot(page, 'desktop-1280-outcome');
  await page.goto(`${demo.origin}/`);
  await stepHeading(page).waitFor();
  await screenshot(page, 'desktop-1280-picker');
  await context.close();
});
