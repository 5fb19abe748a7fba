// Shared by the browser tests: the demo server, Chromium, and an applicant's hands.
//
// Every test goes through the real demo site (demo/serve.mjs, started here on a free port) under
// its strict Content-Security-Policy, in Debian's Chromium driven by playwright-core. Playwright
// starts each browser with a new, empty profile (a fresh --user-data-dir of its own).

import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { launchChromium, startServerScript } from '../../scripts/headless.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'web', 'artifacts');
export const AS_OF = '2026-11-21';
export const AXE_PATH = '/__test__/axe.min.js';

/** Starts demo/serve.mjs on a free port; resolves to { origin, stop() }. */
export async function startServer() {
  if (!existsSync(join(ROOT, 'build', 'web', 'consular-eligibility', 'consular-eligibility.js'))) {
    throw new Error('build/web/consular-eligibility/ is missing: run `make web` (or `make test-web`)');
  }
  return startServerScript(join(ROOT, 'demo', 'serve.mjs'), 'demo server');
}

export function launchBrowser() {
  return launchChromium();
}

/** The site's Content-Security-Policy as the issue gives it (written out, not read from the server). */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * The demo server and one Chromium for the calling test file: started before its tests, stopped
 * after them. Returns { origin, browser, page(options) }, page() being newPage on this origin.
 */
export function useDemo() {
  const demo = { origin: null, browser: null, page: (options) => newPage(demo.browser, demo.origin, options) };
  let server;
  before(async () => {
    server = await startServer();
    demo.origin = server.origin;
    demo.browser = await launchBrowser();
  });
  after(async () => {
    await demo.browser?.close();
    await server?.stop();
  });
  return demo;
}

/**
 * A new page in its own context, recording what a test may want to assert: requests, console
 * errors, page errors, CSP violations (the `securitypolicyviolation` events and the console's
 * CSP messages). Serves axe-core at AXE_PATH on the page's own origin (never inline).
 */
export async function newPage(browser, origin, options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport || { width: 1280, height: 900 },
    locale: options.locale || 'en-GB',
    timezoneId: 'Europe/London',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const log = { requests: [], responses: [], consoleErrors: [], pageErrors: [], csp: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('response', (r) => log.responses.push(r));
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(m.text());
    if (/Content Security Policy/i.test(m.text())) log.csp.push(m.text());
  });
  page.on('pageerror', (e) => log.pageErrors.push(e.message));
  await page.exposeBinding('__cspViolation', (_source, v) => log.csp.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  await page.route(`${origin}${AXE_PATH}`, async (route) => route.fulfill({
    status: 200,
    contentType: 'text/javascript; charset=utf-8',
    body: await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'),
  }));
  return { page, context, log };
}

/** The widget's host element. */
export const widget = (page) => page.locator('consular-eligibility');

/**
 * Opens a demo page and sets the widget's as-of (and lang) before the applicant starts. Waits
 * until a step is on screen.
 */
export async function openDemo(page, origin, path = '/', { asOf = AS_OF, lang } = {}) {
  await page.goto(`${origin}${path}`);
  await widget(page).evaluate((el, a) => {
    if (a.asOf) el.setAttribute('as-of', a.asOf);
    if (a.lang) el.setAttribute('lang', a.lang);
  }, { asOf, lang });
  await stepHeading(page).waitFor();
}

/** The heading of the step on screen (the question, or the verdict). */
export const stepHeading = (page) => widget(page).locator('.ce-body h2').first();

export const currentQuestion = (page) => widget(page).locator('[part~="question"]');

export async function clickContinue(page, label = 'Continue') {
  await widget(page).getByRole('button', { name: label, exact: true }).click();
}

/** Waits until the step shows a different heading than `previous`. */
export async function nextStep(page, previous) {
  await page.waitForFunction(([prev]) => {
    const el = document.querySelector('consular-eligibility');
    const h = el && el.shadowRoot && el.shadowRoot.querySelector('.ce-body h2');
    return h && h.textContent !== prev;
  }, [previous]);
}

/**
 * Answers the question on screen the way an applicant does and continues: radios by their visible
 * label, the country list by typing and choosing, numbers and dates typed. Returns the question's
 * heading.
 */
export async function answer(page, value, { continueLabel = 'Continue' } = {}) {
  const q = currentQuestion(page);
  const heading = await stepHeading(page).textContent();
  const type = await q.getAttribute('data-type');
  if (type === 'country') {
    const [typed, choice] = Array.isArray(value) ? value : [value, value];
    await q.getByRole('combobox').fill(typed);
    await q.getByRole('option', { name: choice, exact: true }).click();
  } else if (type === 'int' || type === 'date') {
    await q.locator('input').fill(String(value));
  } else {
    await q.getByLabel(value, { exact: true }).check();
  }
  await clickContinue(page, continueLabel);
  await nextStep(page, heading);
  return heading;
}

/** Answers a series of questions, checking each heading names the expected fact. */
export async function answerAll(page, answers, options) {
  for (const [fact, value] of answers) {
    const got = await currentQuestion(page).getAttribute('data-fact');
    if (got !== fact) throw new Error(`expected the question ${fact}, the widget asks ${got}`);
    await answer(page, value, options);
  }
}

/** The outcome's text, as the applicant reads it. */
export const outcome = (page) => widget(page).locator('.ce-outcome');

/** Opens every "Why?" disclosure (each <summary>) of the outcome. */
export async function openAllSummaries(page) {
  for (const summary of await outcome(page).locator('summary').all()) await summary.click();
}

/** Runs axe-core (served from the page's origin) and returns the serious and critical violations. */
export async function axeViolations(page, origin) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.addScriptTag({ url: `${origin}${AXE_PATH}` });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page, name, options = {}) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true, ...options });
  return path;
}

/** Elements of the widget (shadow DOM included) wider than the viewport or past its right edge. */
export async function overflowingElements(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const found = [];
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.width > width + 0.5 || r.right > width + 0.5 || r.left < -0.5) {
          found.push(`${el.tagName.toLowerCase()}.${el.className || ''} ${Math.round(r.left)}..${Math.round(r.right)}`);
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document.querySelector('consular-eligibility').shadowRoot);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: width,
      elements: found,
    };
  });
}
