// axe-core on every step of two flows (WCAG 2.1 A and AA rules): no serious or critical
// violations, in the widget's shadow DOM and on the demo page around it. axe is served from the
// page's own origin and added with addScriptTag({ url }), so the strict CSP stays in force.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useDemo, openDemo, widget, stepHeading, currentQuestion, answer,
  clickContinue, outcome, openAllSummaries, axeViolations,
} from './support.mjs';

const demo = useDemo();

async function assertAccessible(page, step) {
  const violations = await axeViolations(page, demo.origin);
  assert.deepEqual(violations, [], `${step}: ${JSON.stringify(violations, null, 2)}`);
}

test('every step of a visa flow in English is free of serious and critical violations', async () => {
  const { page, context, log } = await demo.page();
  await openDemo(page, demo.origin, '/');
  await assertAccessible(page, 'service picker');
  // An error on the picker.
  await clickContinue(page);
  await currentQuestion(page).locator('.ce-error-message').waitFor();
  await assertAccessible(page, 'service picker with an error');
  await answer(page, 'Visa to Azerbaijan');
  // The country list, open.
  await currentQuestion(page).getByRole('combobox').fill('united');
  await widget(page).getByRole('option').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await assertAccessible(page, 'country list open');
  await page.keyboard.press('Escape');
  const steps = [
    ['United States', 'United States'],
    'Ordinary passport', 'Tourism', 'Single entry', 20, '2026-12-10', 34, '2030-01-01', 'No', 'None of these', 'No',
  ];
  for (const [i, value] of steps.entries()) {
    if (i > 0) await assertAccessible(page, `question ${await stepHeading(page).textContent()}`);
    if (i === 1) {
      await clickContinue(page);
      await currentQuestion(page).locator('.ce-error-message').waitFor();
      await assertAccessible(page, 'a question with an error');
    }
    if (i === 0) {
      await currentQuestion(page).getByRole('combobox').fill('united st');
      await widget(page).getByRole('option', { name: 'United States', exact: true }).click();
      const heading = await stepHeading(page).textContent();
      await clickContinue(page);
      await stepHeading(page).filter({ hasNotText: heading }).waitFor();
    } else {
      await answer(page, value);
    }
  }
  await outcome(page).waitFor();
  await assertAccessible(page, 'outcome');
  await openAllSummaries(page);
  await widget(page).locator('.ce-checkbox__input').first().check();
  await assertAccessible(page, 'outcome with every "Why?" open');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('every step of the passport service in Azerbaijani is free of serious and critical violations', async () => {
  const { page, context } = await demo.page({ viewport: { width: 360, height: 640 } });
  await openDemo(page, demo.origin, '/', { lang: 'az' });
  await assertAccessible(page, 'service picker (az, 360 px)');
  await answer(page, 'Səfirlik və ya konsulluq vasitəsilə ümumvətəndaş pasportu', { continueLabel: 'Davam et' });
  for (let i = 0; i < 12 && !(await outcome(page).count()); i++) {
    await assertAccessible(page, `question ${await stepHeading(page).textContent()}`);
    const type = await currentQuestion(page).getAttribute('data-type');
    if (type === 'int') await answer(page, 16, { continueLabel: 'Davam et' });
    else if (type === 'bool') await answer(page, 'Xeyr', { continueLabel: 'Davam et' });
    else {
      const first = await currentQuestion(page).locator('input[type=radio]').first().getAttribute('id');
      const heading = await stepHeading(page).textContent();
      await currentQuestion(page).locator(`label[for="${first}"]`).click();
      await clickContinue(page, 'Davam et');
      await stepHeading(page).filter({ hasNotText: heading }).waitFor();
    }
  }
  await outcome(page).waitFor();
  await assertAccessible(page, 'outcome (az)');
  await openAllSummaries(page);
  await assertAccessible(page, 'outcome (az) with every "Niyə?" open');
  await context.close();
});
